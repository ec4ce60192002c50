package com.ramparts.pki.ocsp;

import com.ramparts.pki.x509.SerialNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ocsp_response} table: one pre-signed response per certificate. A lookup returns a
 * response only while it is unexpired and the certificate's status and revocation time are still
 * the ones it was signed for, checked in the same query; every instance sharing the database
 * therefore stops serving a response the moment a revocation commits.
 */
public class PresignedResponses {

    /** No pre-signed responses: every request is signed when it comes. */
    public static final PresignedResponses NONE = new PresignedResponses(null);

    private final JdbcTemplate jdbc;

    public PresignedResponses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<byte[]> lookup(String caName, BigInteger serialNumber, Instant now) {
        if (jdbc == null) {
            return Optional.empty();
        }
        List<byte[]> found = jdbc.query("SELECT r.der FROM ocsp_response r JOIN certificate c ON c.serial_number = r.serial_number "
                        + "WHERE r.serial_number = ? AND r.ca_name = ? AND r.next_update > ? AND r.status = c.status "
                        + "AND r.revoked_at IS NOT DISTINCT FROM c.revoked_at",
                (rs, n) -> rs.getBytes(1), SerialNumbers.hex(serialNumber), caName, now.atOffset(ZoneOffset.UTC));
        return found.stream().findFirst();
    }
}
