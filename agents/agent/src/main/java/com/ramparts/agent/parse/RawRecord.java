package com.ramparts.agent.parse;

import java.time.Instant;
import java.util.Objects;

/**
 * One record as an input read it: a log line without its terminator, a JSON document, a syslog
 * message or a command's output.
 *
 * @param text       the record, decoded (invalid UTF-8 replaced by U+FFFD by the input, which says so in {@code truncated}/flags later)
 * @param receivedAt when the input read it (the fallback timestamp when the record carries none)
 * @param source     where it came from: a file path, a syslog peer address, a command name
 * @param truncated  true if the input cut an over-long record to its length limit
 */
public record RawRecord(String text, Instant receivedAt, String source, boolean truncated) {

    public RawRecord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
    }

    public static RawRecord of(String text, Instant receivedAt, String source) {
        return new RawRecord(text, receivedAt, source, false);
    }
}
