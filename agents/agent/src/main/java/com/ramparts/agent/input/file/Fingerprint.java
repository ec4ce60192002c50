package com.ramparts.agent.input.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * CRC-32C of a file's first {@code length} bytes (at most {@link #MAX_LENGTH}). Tells a file
 * truncated and rewritten in place, or an inode reused by a new file, from the file we were
 * reading; and finds our content again in a copytruncate copy.
 */
record Fingerprint(int length, int crc) {

    static final int MAX_LENGTH = 1024;
    static final Fingerprint NONE = new Fingerprint(0, 0);

    /** The fingerprint of the first {@code length} bytes, or null if the file is shorter. */
    static Fingerprint of(FileChannel channel, int length) throws IOException {
        if (length == 0) {
            return NONE;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                return null;
            }
            at += n;
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, length);
        return new Fingerprint(length, (int) crc.getValue());
    }

    /** Whether the file starts with the bytes this fingerprint was taken of. */
    boolean matches(FileChannel channel) throws IOException {
        return equals(of(channel, length));
    }
}
