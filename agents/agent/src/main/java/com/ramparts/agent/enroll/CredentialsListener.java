package com.ramparts.agent.enroll;

/** Told when new credentials were stored, so a client can reconnect with them. */
@FunctionalInterface
public interface CredentialsListener {

    CredentialsListener NONE = credentials -> { };

    void renewed(Credentials credentials);
}
