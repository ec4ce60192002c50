package com.ramparts.pki.audit;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the whole chain from a plain JDBC connection (the CLI runs it without Spring): every
 * entry's hash against its content, every link against its predecessor, the sequence for gaps,
 * the head row against the last entry, and every signed checkpoint against its entry and signature.
 * Streams the entries, so memory does not grow with the log.
 */
public final class AuditVerifier {

    private static final int FETCH_SIZE = 1000;

    private AuditVerifier() {
    }

    /** @param seq the entry a problem is about; 0 when it is about the log as a whole */
    public record Problem(long seq, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    public record Report(long entries, int checkpoints, List<Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private record Checkpoint(long seq, String hash, Instant signedAt, String caName, byte[] algorithm, byte[] signature,
                              byte[] certificate) {
    }

    /**
     * @param trustedSigner if not null, every checkpoint's certificate must be it or be signed by it
     */
    public static Report verify(Connection connection, X509CertificateHolder trustedSigner) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        Map<Long, Checkpoint> checkpoints = checkpoints(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PostgreSQL streams a cursor only inside a transaction
        long count = 0;
        long expected = 1;
        String previousHash = AuditHash.GENESIS;
        Map<Long, String> hashesAtCheckpoints = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + AuditLog.COLUMNS + " FROM audit_entry ORDER BY seq")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    AuditEntry entry = new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
                    count++;
                    long seq = entry.seq();
                    if (seq > expected) {
                        problems.add(new Problem(expected, seq - expected == 1
                                ? "entry " + expected + " is missing (deleted)"
                                : "entries " + expected + " to " + (seq - 1) + " are missing (deleted)"));
                    }
                    if (!AuditHash.of(entry).equals(entry.hash())) {
                        problems.add(new Problem(seq, "entry " + seq + " (" + entry.action() + ") does not match its hash: "
                                + "it was edited, or moved from another position"));
                    } else if (!entry.prevHash().equals(previousHash)) {
                        problems.add(new Problem(seq, "entry " + seq + " does not chain to entry " + (seq - 1)
                                + ": entry " + (seq - 1) + " was edited, replaced or reordered, or entries before it were deleted"));
                    }
                    if (checkpoints.containsKey(seq)) {
                        hashesAtCheckpoints.put(seq, entry.hash());
                    }
                    previousHash = entry.hash();
                    expected = seq + 1;
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        long last = expected - 1;
        try (PreparedStatement statement = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                problems.add(new Problem(0, "the head row of the log is missing"));
            } else if (rs.getLong(1) != last) {
                problems.add(new Problem(rs.getLong(1), "the log ends at entry " + last + " but its head records entry " + rs.getLong(1)
                        + (rs.getLong(1) > last ? ": entries " + (last + 1) + " to " + rs.getLong(1) + " were deleted" : "")));
            } else if (!rs.getString(2).equals(previousHash)) {
                problems.add(new Problem(last, "entry " + last + " is not the entry the head records: it was edited or replaced"));
            }
        }
        for (Checkpoint checkpoint : checkpoints.values()) {
            checkCheckpoint(checkpoint, hashesAtCheckpoints.get(checkpoint.seq()), trustedSigner, problems);
        }
        problems.sort(java.util.Comparator.comparingLong(Problem::seq));
        return new Report(count, checkpoints.size(), List.copyOf(problems));
    }

    private static void checkCheckpoint(Checkpoint checkpoint, String entryHash, X509CertificateHolder trusted, List<Problem> problems) {
        long seq = checkpoint.seq();
        if (entryHash == null) {
            problems.add(new Problem(seq, "checkpoint " + seq + ": entry " + seq + " it signed is missing (deleted)"));
        } else if (!entryHash.equals(checkpoint.hash())) {
            problems.add(new Problem(seq, "checkpoint " + seq + ": entry " + seq + " is not the entry the CA signed (the chain was rewritten)"));
        }
        try {
            X509CertificateHolder certificate = new X509CertificateHolder(checkpoint.certificate());
            if (!verifies(certificate, AuditHash.checkpoint(seq, checkpoint.hash(), checkpoint.signedAt(), checkpoint.caName()),
                    AlgorithmIdentifier.getInstance(checkpoint.algorithm()), checkpoint.signature())) {
                problems.add(new Problem(seq, "checkpoint " + seq + ": the signature does not verify (the checkpoint was edited)"));
            }
            if (trusted != null && !certificate.equals(trusted)
                    && !certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(trusted))) {
                problems.add(new Problem(seq, "checkpoint " + seq + ": signed by " + certificate.getSubject()
                        + ", which the trusted CA certificate did not issue"));
            }
        } catch (Exception e) {
            problems.add(new Problem(seq, "checkpoint " + seq + ": cannot be checked: " + e.getMessage()));
        }
    }

    static boolean verifies(X509CertificateHolder certificate, byte[] data, AlgorithmIdentifier algorithm, byte[] signature)
            throws Exception {
        ContentVerifier verifier = new JcaContentVerifierProviderBuilder().build(certificate).get(algorithm);
        try (OutputStream out = verifier.getOutputStream()) {
            out.write(data);
        }
        return verifier.verify(signature);
    }

    private static Map<Long, Checkpoint> checkpoints(Connection connection) throws SQLException {
        Map<Long, Checkpoint> checkpoints = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, hash, signed_at, ca_name, algorithm, signature, certificate FROM audit_checkpoint ORDER BY seq");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                checkpoints.put(rs.getLong(1), new Checkpoint(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7)));
            }
        }
        return checkpoints;
    }
}
