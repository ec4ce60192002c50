package com.ramparts.agent.input.file;

import java.nio.charset.StandardCharsets;

/**
 * Collects the bytes of one line, keeping at most {@code maxBytes} of it: the rest of an over-long
 * line is skipped and the line flagged truncated, so a 10 MB line costs {@code maxBytes} of memory.
 */
final class LineAssembler {

    private final int maxBytes;
    private byte[] bytes = new byte[256];
    private int length;
    private boolean truncated;

    LineAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    void append(byte[] source, int from, int to) {
        int keep = Math.min(to - from, maxBytes - length);
        if (keep < to - from) {
            truncated = true;
        }
        if (keep <= 0) {
            return;
        }
        if (length + keep > bytes.length) {
            byte[] grown = new byte[Math.min(maxBytes, Math.max(bytes.length * 2, length + keep))];
            System.arraycopy(bytes, 0, grown, 0, length);
            bytes = grown;
        }
        System.arraycopy(source, from, bytes, length, keep);
        length += keep;
    }

    boolean isEmpty() {
        return length == 0 && !truncated;
    }

    boolean truncated() {
        return truncated;
    }

    /** The line without a trailing CR, invalid UTF-8 replaced by U+FFFD. */
    String text() {
        int end = length > 0 && bytes[length - 1] == '\r' && !truncated ? length - 1 : length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    void reset() {
        length = 0;
        truncated = false;
        if (bytes.length > 64 * 1024) {
            bytes = new byte[256]; // give a one-off huge line's memory back
        }
    }
}
