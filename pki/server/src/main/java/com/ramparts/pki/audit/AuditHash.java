package com.ramparts.pki.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical encodings that are hashed and signed. Every text field is written as its UTF-8 length
 * (4 bytes, big-endian) followed by its bytes, so no choice of field contents can make two different
 * entries encode alike; numbers are 8-byte big-endian.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);
    private static final String ENTRY_DOMAIN = "ramparts-pki-audit-entry-v1";
    private static final String CHECKPOINT_DOMAIN = "ramparts-pki-audit-checkpoint-v1";

    private AuditHash() {
    }

    public static String entry(long seq, Instant occurredAt, String actor, String source, String action, String target,
                               String details, String prevHash) {
        return sha256Hex(encode(out -> {
            text(out, ENTRY_DOMAIN);
            out.writeLong(seq);
            out.writeLong(occurredAt.toEpochMilli());
            text(out, actor);
            text(out, source);
            text(out, action);
            text(out, target);
            text(out, details);
            text(out, prevHash);
        }));
    }

    public static String of(AuditEntry e) {
        return entry(e.seq(), e.occurredAt(), e.actor(), e.source(), e.action(), e.target(), e.details(), e.prevHash());
    }

    /** What a checkpoint's signature covers. */
    public static byte[] checkpoint(long seq, String hash, Instant signedAt, String caName) {
        return encode(out -> {
            text(out, CHECKPOINT_DOMAIN);
            out.writeLong(seq);
            text(out, hash);
            out.writeLong(signedAt.toEpochMilli());
            text(out, caName);
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
