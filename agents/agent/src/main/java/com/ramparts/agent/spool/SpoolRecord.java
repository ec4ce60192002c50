package com.ramparts.agent.spool;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One record to append: the id of the input that produced it (kept for per-input counting) and
 * the event bytes.
 */
public record SpoolRecord(String inputId, byte[] payload) {

    public SpoolRecord {
        Objects.requireNonNull(payload, "payload");
        if (inputId.isEmpty() || inputId.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(inputId)) {
            throw new IllegalArgumentException("input id must be 1 to 255 ASCII characters, was '" + inputId + "'");
        }
    }

    /** Bytes this record takes in a segment. */
    int encodedSize() {
        return SegmentFormat.RECORD_HEADER + 1 + inputId.length() + payload.length;
    }
}
