package com.ramparts.pki.token;

import java.security.Principal;

/** The caller behind a valid token; {@code unitCode} is set for requesters only. */
public record TokenPrincipal(String tokenId, String name, Role role, String unitCode) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
