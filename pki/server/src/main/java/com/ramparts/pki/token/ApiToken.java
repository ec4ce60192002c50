package com.ramparts.pki.token;

import java.time.Instant;

/** A token as listed: never its secret. */
public record ApiToken(String id, String name, Role role, String unitCode, String createdBy, Instant createdAt, Instant expiresAt,
                       Instant revokedAt) {
}
