package com.ramparts.pki.audit;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import org.bouncycastle.operator.ContentSigner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Has a CA sign the head of the chain (sequence number and hash): once signed, rewriting the chain
 * up to that entry, even recomputing every hash, no longer verifies.
 */
public class AuditCheckpoints {

    /** A signed head. */
    public record Checkpoint(long seq, String hash, Instant signedAt, String caName) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CertificateAuthorities cas;
    private final String caName;
    private final Clock clock;

    /** @param caName the CA that signs, or null for the first configured one */
    public AuditCheckpoints(DataSource dataSource, PlatformTransactionManager transactionManager, CertificateAuthorities cas,
                            String caName, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.cas = cas;
        this.caName = caName;
        this.clock = clock;
    }

    /** The CA that signs checkpoints, if one is configured. */
    public Optional<CaSigner> signer() {
        return caName != null ? cas.find(caName) : cas.all().stream().findFirst();
    }

    /** Signs the current head unless it is signed already or the log is empty; empty if nothing was signed. */
    public Optional<Checkpoint> checkpoint() {
        Optional<CaSigner> signer = signer();
        if (signer.isEmpty()) {
            return Optional.empty();
        }
        CaSigner ca = signer.get();
        return transactions.execute(status -> {
            // the head lock keeps appends out while the head is being signed
            var head = jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                    (rs, row) -> new Checkpoint(rs.getLong(1), rs.getString(2), null, null));
            Integer signed = jdbc.queryForObject("SELECT COUNT(*) FROM audit_checkpoint WHERE seq = ?", Integer.class, head.seq());
            if (head.seq() == 0 || signed != null && signed > 0) {
                return Optional.<Checkpoint>empty();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ContentSigner contentSigner = ca.contentSigner();
            try (OutputStream out = contentSigner.getOutputStream()) {
                out.write(AuditHash.checkpoint(head.seq(), head.hash(), now, ca.name()));
                jdbc.update("INSERT INTO audit_checkpoint (seq, hash, signed_at, ca_name, algorithm, signature, certificate) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)", head.seq(), head.hash(), now.atOffset(ZoneOffset.UTC), ca.name(),
                        contentSigner.getAlgorithmIdentifier().getEncoded(), contentSigner.getSignature(), ca.certificate().getEncoded());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.of(new Checkpoint(head.seq(), head.hash(), now, ca.name()));
        });
    }
}
