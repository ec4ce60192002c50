package com.ramparts.soc.ingest;

/**
 * Why a record goes to the dead-letter topic.
 *
 * @param reason a stable code for counting: a {@link com.ramparts.telemetry.json.MalformedEventException.Reason}
 *               name, {@link #SITE_MISMATCH} or {@link #INDEX_REJECTED}
 * @param detail one line for the analyst
 */
record Rejection(String reason, String detail) {

    /** The record key is not the event's site id: a site may only send its own events. */
    static final String SITE_MISMATCH = "SITE_MISMATCH";
    /** OpenSearch refused the document for good (e.g. a value its mapping cannot take). */
    static final String INDEX_REJECTED = "INDEX_REJECTED";
}
