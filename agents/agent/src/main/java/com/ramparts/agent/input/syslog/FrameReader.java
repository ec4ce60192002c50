package com.ramparts.agent.input.syslog;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a TCP syslog stream into messages (RFC 6587), choosing the framing per message: a
 * message that starts with a digit is octet-counted ({@code LEN SP MSG}), anything else ends at
 * LF. Keeps at most {@code maxBytes} of a message and skips the rest, flagging it truncated, so
 * a sender cannot make the agent buffer more than that.
 */
final class FrameReader {

    private static final int MAX_LENGTH_DIGITS = 9;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] frame;

    FrameReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.frame = new byte[maxBytes];
    }

    /** One message. */
    record Frame(byte[] bytes, int length, boolean truncated) {
    }

    /** The next message, or null at the end of the stream. */
    Frame next() throws IOException {
        int first;
        do {
            first = in.read();
        } while (first == '\n' || first == '\r');
        if (first < 0) {
            return null;
        }
        if (first >= '1' && first <= '9') {
            return octetCounted(first);
        }
        return untilNewline(first, 0);
    }

    private Frame octetCounted(int first) throws IOException {
        long length = first - '0';
        int digits = 1;
        frame[0] = (byte) first;
        while (true) {
            int b = in.read();
            if (b == ' ' && digits <= MAX_LENGTH_DIGITS) {
                break;
            }
            if (b >= '0' && b <= '9' && digits < MAX_LENGTH_DIGITS) {
                length = length * 10 + (b - '0');
                frame[digits++] = (byte) b;
                continue;
            }
            if (b < 0) {
                return new Frame(frame, digits, false);
            }
            // not a length after all: a newline-framed message that starts with digits
            if (b == '\n') {
                return new Frame(frame, digits, false);
            }
            frame[digits++] = (byte) b;
            return untilNewline(-1, digits);
        }
        int kept = (int) Math.min(length, maxBytes);
        int read = readFully(kept);
        if (read < kept) {
            return new Frame(frame, read, false); // the sender went away mid-message: keep what came
        }
        try {
            in.skipNBytes(length - kept);
        } catch (EOFException e) {
            // the sender went away inside the part we skip anyway
        }
        return new Frame(frame, kept, length > kept);
    }

    private Frame untilNewline(int first, int alreadyInFrame) throws IOException {
        int length = alreadyInFrame;
        boolean truncated = false;
        int b = first;
        if (b < 0) {
            b = in.read();
        }
        while (b >= 0 && b != '\n') {
            if (length < maxBytes) {
                frame[length++] = (byte) b;
            } else {
                truncated = true;
            }
            b = in.read();
        }
        if (length > 0 && frame[length - 1] == '\r') {
            length--;
        }
        return new Frame(frame, length, truncated);
    }

    private int readFully(int count) throws IOException {
        int read = 0;
        while (read < count) {
            int n = in.read(frame, read, count - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }
}
