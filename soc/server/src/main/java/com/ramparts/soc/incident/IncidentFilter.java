package com.ramparts.soc.incident;

/**
 * What the queue shows; null fields do not filter. The unit of a requester is forced by the caller, never
 * taken from the request.
 *
 * @param page zero-based
 * @param size 1 to {@link #MAX_SIZE}
 */
public record IncidentFilter(IncidentStatus status, Integer severity, String siteId, String unitId, int page, int size) {

    public static final int MAX_SIZE = 200;

    public IncidentFilter {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
                    "page must be >= 0 and size 1-" + MAX_SIZE);
        }
        if (severity != null && (severity < 1 || severity > 5)) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "severity must be 1-5");
        }
    }
}
