package com.ramparts.telemetry.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Lets exactly {@code limit} bytes through and fails on the first byte beyond, so an oversized
 * document is refused while it streams in rather than after it has been buffered.
 */
final class BoundedInputStream extends FilterInputStream {

    /** Thrown through Jackson, which wraps it; recognised again by {@link ReadFailures}. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long limit) {
            super("the document is larger than " + limit + " bytes", null);
        }
    }

    private final long limit;
    private long remaining;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return endOrFail();
        }
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return endOrFail();
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    private int endOrFail() throws IOException {
        if (in.read() < 0) {
            return -1;
        }
        throw new LimitExceeded(limit);
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
