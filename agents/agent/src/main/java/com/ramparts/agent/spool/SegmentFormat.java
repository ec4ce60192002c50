package com.ramparts.agent.spool;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk format of a segment:
 *
 * <pre>
 * segment := "RSPL" version:int32 record*
 * record  := length:int32 crc:int32 body          (big-endian; length counts the body only)
 * body    := idLength:uint8 inputId:ASCII payload
 * crc     := CRC-32C over the 4 length bytes and the body
 * </pre>
 *
 * The CRC covers the length too, so a torn or zero-filled tail can never be taken for a record.
 */
final class SegmentFormat {

    static final int SEGMENT_HEADER = 8;
    static final int RECORD_HEADER = 8;
    private static final int MAGIC = 0x5253504C; // "RSPL"
    private static final int VERSION = 1;

    private SegmentFormat() {
    }

    static ByteBuffer segmentHeader() {
        return ByteBuffer.allocate(SEGMENT_HEADER).putInt(MAGIC).putInt(VERSION).flip();
    }

    static boolean hasValidHeader(FileChannel channel) throws IOException {
        if (channel.size() < SEGMENT_HEADER) {
            return false;
        }
        ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER);
        readFully(channel, header, 0);
        return header.getInt(0) == MAGIC && header.getInt(4) == VERSION;
    }

    /** Appends one record's bytes to {@code out}, which has room for {@link SpoolRecord#encodedSize()}. */
    static void encode(SpoolRecord record, ByteBuffer out) {
        int bodyLength = 1 + record.inputId().length() + record.payload().length;
        int start = out.position();
        out.putInt(bodyLength).putInt(0).put((byte) record.inputId().length())
                .put(record.inputId().getBytes(StandardCharsets.US_ASCII)).put(record.payload());
        CRC32C crc = new CRC32C();
        crc.update(out.array(), out.arrayOffset() + start, 4);
        crc.update(out.array(), out.arrayOffset() + start + RECORD_HEADER, bodyLength);
        out.putInt(start + 4, (int) crc.getValue());
    }

    /**
     * The body length of the record at {@code offset} when its header is plausible (fits before
     * {@code end} and within {@code maxBody}), else -1. Checks the header only, not the CRC.
     */
    static int plausibleBodyLength(FileChannel channel, long offset, long end, int maxBody, ByteBuffer header)
            throws IOException {
        if (offset + RECORD_HEADER > end) {
            return -1;
        }
        header.clear();
        readFully(channel, header, offset);
        int length = header.getInt(0);
        if (length < 2 || length > maxBody || offset + RECORD_HEADER + length > end) {
            return -1;
        }
        return length;
    }

    /** Reads and checks the record at {@code offset}; null when it is torn or corrupt. */
    static Decoded read(FileChannel channel, long offset, long end, int maxBody) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
        int length = plausibleBodyLength(channel, offset, end, maxBody, header);
        if (length < 0) {
            return null;
        }
        byte[] body = new byte[length];
        readFully(channel, ByteBuffer.wrap(body), offset + RECORD_HEADER);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 4);
        crc.update(body);
        int idLength = body[0] & 0xff;
        if ((int) crc.getValue() != header.getInt(4) || idLength == 0 || 1 + idLength > length) {
            return null;
        }
        String inputId = new String(body, 1, idLength, StandardCharsets.US_ASCII);
        byte[] payload = new byte[length - 1 - idLength];
        System.arraycopy(body, 1 + idLength, payload, 0, payload.length);
        return new Decoded(inputId, payload, offset + RECORD_HEADER + length);
    }

    /** The input id of the plausible record at {@code offset}, read without its payload. */
    static String inputIdAt(FileChannel channel, long offset) throws IOException {
        ByteBuffer id = ByteBuffer.allocate(1 + 255);
        id.limit(1);
        readFully(channel, id, offset + RECORD_HEADER);
        int length = id.get(0) & 0xff;
        id.limit(1 + length);
        readFully(channel, id, offset + RECORD_HEADER + 1);
        return new String(id.array(), 1, length, StandardCharsets.US_ASCII);
    }

    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("segment ends at " + at);
            }
            at += n;
        }
    }

    record Decoded(String inputId, byte[] payload, long next) {
    }
}
