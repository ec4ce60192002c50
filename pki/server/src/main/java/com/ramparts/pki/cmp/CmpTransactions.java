package com.ramparts.pki.cmp;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code cmp_transaction} table: issued certificates waiting for certConf. */
class CmpTransactions {

    /** @param secretReference set for a MAC-protected transaction; @param signerSerial set for a signature-protected one */
    record Transaction(String id, String secretReference, String signerSerial, String certificateSerial, int certReqId, String status) {
    }

    private final JdbcTemplate jdbc;

    CmpTransactions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void insert(Transaction transaction, Instant now) {
        jdbc.update("INSERT INTO cmp_transaction (transaction_id, secret_reference, signer_serial, certificate_serial, cert_req_id, status, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", transaction.id(), transaction.secretReference(), transaction.signerSerial(),
                transaction.certificateSerial(), transaction.certReqId(), transaction.status(), now.atOffset(ZoneOffset.UTC));
    }

    Optional<Transaction> find(String id) {
        return jdbc.query("SELECT transaction_id, secret_reference, signer_serial, certificate_serial, cert_req_id, status FROM cmp_transaction "
                        + "WHERE transaction_id = ?", (rs, row) -> new Transaction(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6)), id).stream().findFirst();
    }

    boolean exists(String id) {
        return find(id).isPresent();
    }

    /** Ends a waiting transaction; false if it was not waiting. */
    boolean finish(String id, String status) {
        return jdbc.update("UPDATE cmp_transaction SET status = ? WHERE transaction_id = ? AND status = 'waiting'", status, id) == 1;
    }
}
