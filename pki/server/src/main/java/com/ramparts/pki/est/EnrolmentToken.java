package com.ramparts.pki.est;

import java.time.Instant;

/**
 * What a one-time enrolment token allows: one agent-tls certificate for {@code siteId}.
 *
 * @param usedAt when it was spent; null while it is still usable
 */
public record EnrolmentToken(String siteId, String agentId, Instant createdAt, String createdBy, Instant expiresAt, Instant usedAt) {

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
