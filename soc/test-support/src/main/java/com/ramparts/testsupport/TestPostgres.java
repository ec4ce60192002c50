package com.ramparts.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The machine's PostgreSQL (on CI: 127.0.0.1:5432, database {@code test}, trust authentication).
 * Each test class takes a fresh schema, dropped when the JVM exits, so tests never see each other's
 * rows. Where no PostgreSQL answers, tests that need it are skipped with a message, except on CI
 * (environment variable {@code CI} set), where a missing database is a failure, not a skip.
 *
 * <p>Connection settings: {@code RAMPARTS_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code RAMPARTS_TEST_PG_USER} (default
 * {@code postgres}), {@code RAMPARTS_TEST_PG_PASSWORD} (default empty), as environment variables or
 * system properties of the same name.
 */
public final class TestPostgres {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static Boolean reachable;
    private static String unreachableReason;

    private TestPostgres() {
    }

    /** A schema of its own in the test database. */
    public record Schema(String jdbcUrl, String user, String password, String name) {

        /** A data source whose connections use this schema by default. */
        public DataSource dataSource() {
            PGSimpleDataSource ds = baseDataSource();
            ds.setCurrentSchema(name);
            return ds;
        }

        /** The JDBC URL with this schema as the default, for frameworks configured by URL. */
        public String jdbcUrlWithSchema() {
            return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }
    }

    /** Creates a fresh schema, or skips (fails, on CI) the calling test if PostgreSQL is not reachable. */
    public static Schema newSchema() {
        requireReachable();
        String name = "t_" + HexFormat.of().formatHex(randomBytes());
        try (Connection c = baseDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + " in " + url() + ": " + e.getMessage(), e);
        }
        CREATED.add(name);
        return new Schema(url(), user(), password(), name);
    }

    private static synchronized void requireReachable() {
        if (reachable == null) {
            try (Connection c = baseDataSource().getConnection()) {
                reachable = c.isValid(5);
            } catch (SQLException e) {
                reachable = false;
                unreachableReason = e.getMessage();
            }
            if (reachable) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-schemas"));
            }
        }
        if (!reachable) {
            String message = "PostgreSQL is not reachable at " + url() + " as " + user() + " (" + unreachableReason
                    + "); set RAMPARTS_TEST_PG_URL/USER/PASSWORD or start the server";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("on CI PostgreSQL must be there: " + message);
            }
            Assumptions.abort(message);
        }
    }

    private static void dropCreated() {
        try (Connection c = baseDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test schemas " + CREATED + ": " + e.getMessage());
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static PGSimpleDataSource baseDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url());
        ds.setUser(user());
        ds.setPassword(password());
        ds.setConnectTimeout(5);
        return ds;
    }

    private static String url() {
        return setting("RAMPARTS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String user() {
        return setting("RAMPARTS_TEST_PG_USER", "postgres");
    }

    private static String password() {
        return setting("RAMPARTS_TEST_PG_PASSWORD", "");
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
