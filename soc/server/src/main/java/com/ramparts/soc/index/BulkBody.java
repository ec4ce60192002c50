package com.ramparts.soc.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An NDJSON {@code _bulk} body built in one reusable buffer: per document a {@code create} action line
 * and the document's own bytes. The action is {@code create}, so a document whose {@code _id} exists
 * comes back as a 409 and is never rewritten.
 */
final class BulkBody {

    private static final byte[] ACTION_START = "{\"create\":{\"_index\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_ID = "\",\"_id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_END = "\"}}\n".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int length;

    BulkBody(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    /** Bytes {@link #add} would append for this document. */
    static int sizeOf(BulkDocument document) {
        return ACTION_START.length + document.index().length() + ACTION_ID.length + document.id().length()
                + ACTION_END.length + document.source().length + 1;
    }

    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    byte[] buffer() {
        return buffer;
    }

    /** Index names and event ids are ASCII without quotes or backslashes (IndexNames, EventId), so no escaping. */
    void add(BulkDocument document) {
        ensure(sizeOf(document));
        append(ACTION_START);
        appendAscii(document.index());
        append(ACTION_ID);
        appendAscii(document.id());
        append(ACTION_END);
        int start = length;
        append(document.source());
        // NDJSON: a producer may send pretty-printed JSON. Outside strings a line break is mere
        // whitespace, and inside a valid JSON string it is always escaped, so blanking it is safe.
        for (int i = start; i < length; i++) {
            if (buffer[i] == '\n' || buffer[i] == '\r') {
                buffer[i] = ' ';
            }
        }
        buffer[length++] = '\n';
    }

    private void append(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void appendAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
