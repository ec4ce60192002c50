package com.ramparts.pki.acme;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code acme_order} and {@code acme_authorization} tables. Status changes are conditional updates. */
class AcmeOrders {

    /** An ACME identifier (RFC 8555 9.7.7); only {@code dns} is accepted. */
    record Identifier(String type, String value) {

        String stored() {
            return type + ":" + value;
        }

        static Identifier fromStored(String text) {
            int colon = text.indexOf(':');
            return new Identifier(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    record Order(String id, String accountId, String status, List<Identifier> identifiers, Instant expiresAt, Instant createdAt,
                 String certificateSerial, String error) {

        Order {
            identifiers = List.copyOf(identifiers);
        }
    }

    /** An authorization and its one http-01 challenge (same id). */
    record Authorization(String id, String orderId, Identifier identifier, String status, Instant expiresAt, String token,
                         String challengeStatus, Instant challengeValidated, String challengeError) {
    }

    private static final String ORDER_COLUMNS = "id, account_id, status, identifiers, expires_at, created_at, certificate_serial, error";
    private static final RowMapper<Order> ORDER = (rs, row) -> new Order(rs.getString(1), rs.getString(2), rs.getString(3),
            Arrays.stream(rs.getString(4).split(" ")).map(Identifier::fromStored).toList(), instant(rs, 5), instant(rs, 6),
            rs.getString(7), rs.getString(8));
    private static final String AUTHZ_COLUMNS = "id, order_id, identifier_type, identifier_value, status, expires_at, challenge_token, "
            + "challenge_status, challenge_validated, challenge_error";
    private static final RowMapper<Authorization> AUTHZ = (rs, row) -> new Authorization(rs.getString(1), rs.getString(2),
            new Identifier(rs.getString(3), rs.getString(4)), rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8),
            instant(rs, 9), rs.getString(10));

    private final JdbcTemplate jdbc;

    AcmeOrders(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void insert(Order order, List<Authorization> authorizations) {
        jdbc.update("INSERT INTO acme_order (" + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", order.id(), order.accountId(),
                order.status(), String.join(" ", order.identifiers().stream().map(Identifier::stored).toList()), utc(order.expiresAt()),
                utc(order.createdAt()), order.certificateSerial(), order.error());
        for (Authorization a : authorizations) {
            jdbc.update("INSERT INTO acme_authorization (" + AUTHZ_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.orderId(),
                    a.identifier().type(), a.identifier().value(), a.status(), utc(a.expiresAt()), a.token(), a.challengeStatus(),
                    utc(a.challengeValidated()), a.challengeError());
        }
    }

    Optional<Order> find(String id) {
        return jdbc.query("SELECT " + ORDER_COLUMNS + " FROM acme_order WHERE id = ?", ORDER, id).stream().findFirst();
    }

    List<String> orderIds(String accountId) {
        return jdbc.queryForList("SELECT id FROM acme_order WHERE account_id = ? ORDER BY created_at, id", String.class, accountId);
    }

    /** The order that got the certificate with this serial (lower-case hex). */
    Optional<Order> findByCertificate(String serialHex) {
        return jdbc.query("SELECT " + ORDER_COLUMNS + " FROM acme_order WHERE certificate_serial = ?", ORDER, serialHex).stream().findFirst();
    }

    List<Authorization> authorizations(String orderId) {
        return jdbc.query("SELECT " + AUTHZ_COLUMNS + " FROM acme_authorization WHERE order_id = ? ORDER BY id", AUTHZ, orderId);
    }

    Optional<Authorization> findAuthorization(String id) {
        return jdbc.query("SELECT " + AUTHZ_COLUMNS + " FROM acme_authorization WHERE id = ?", AUTHZ, id).stream().findFirst();
    }

    /** Moves a pending challenge to processing; false if another request got there first. */
    boolean startChallenge(String authorizationId) {
        return jdbc.update("UPDATE acme_authorization SET challenge_status = 'processing' WHERE id = ? AND challenge_status = 'pending' "
                + "AND status = 'pending'", authorizationId) == 1;
    }

    void finishChallenge(String authorizationId, boolean valid, Instant at, String error) {
        jdbc.update("UPDATE acme_authorization SET challenge_status = ?, status = ?, challenge_validated = ?, challenge_error = ? "
                        + "WHERE id = ? AND challenge_status = 'processing'", valid ? "valid" : "invalid", valid ? "valid" : "invalid",
                valid ? utc(at) : null, error, authorizationId);
    }

    boolean deactivateAuthorization(String id) {
        return jdbc.update("UPDATE acme_authorization SET status = 'deactivated' WHERE id = ? AND status IN ('pending', 'valid')", id) == 1;
    }

    /** Moves an order from one status to another; false if it was not in {@code from}. */
    boolean changeStatus(String orderId, String from, String to, String certificateSerial, String error) {
        return jdbc.update("UPDATE acme_order SET status = ?, certificate_serial = COALESCE(?, certificate_serial), error = ? "
                + "WHERE id = ? AND status = ?", to, certificateSerial, error, orderId, from) == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
