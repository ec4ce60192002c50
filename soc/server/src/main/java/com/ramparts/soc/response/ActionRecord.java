package com.ramparts.soc.response;

import java.time.Instant;

/**
 * One response action as recorded.
 *
 * @param target    what it was taken on: a certificate serial (lower-case hex), a unit id, a site id
 * @param detail    what else was asked or answered (revocation reason, recipients, the analyst's message)
 * @param outcome   {@code PENDING} while it runs, then {@code SUCCEEDED} or {@code FAILED}
 * @param errorCode the {@link ResponseException.Code} of a failure
 * @param attempts  how many times it was tried under this request key (a failed one may be tried again)
 * @param repeated  true when this answer is the earlier request's record, not a new action
 */
public record ActionRecord(long id, long incidentId, String action, String target, String detail, String actor,
                           Instant requestedAt, Instant completedAt, Outcome outcome, String errorCode, String error,
                           int attempts, boolean repeated) {

    public enum Outcome { PENDING, SUCCEEDED, FAILED }

    ActionRecord asRepeat() {
        return new ActionRecord(id, incidentId, action, target, detail, actor, requestedAt, completedAt, outcome, errorCode,
                error, attempts, true);
    }
}
