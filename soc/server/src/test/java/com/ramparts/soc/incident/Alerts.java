package com.ramparts.soc.incident;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.alert.AlertMessage;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Alerts as the correlator writes them, and an incident service over a migrated database. */
final class Alerts {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private Alerts() {
    }

    static SocProperties.Incidents settings() {
        return new SocProperties.Incidents(true, "incidents-test", Duration.ofMinutes(30), "rule",
                Map.of("credential-abuse", List.of("brute-force", "password-spray")), Map.of(5, Duration.ofMinutes(15)),
                Duration.ofMillis(100));
    }

    static Incidents incidents(DataSource dataSource, String schema, Clock clock) {
        var flyway = Flyway.configure().dataSource(dataSource);
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
        return new Incidents(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), settings(), clock);
    }

    static AlertMessage alert(String ruleId, int severity, String site, String unit, Instant at) {
        return alert(UUID.randomUUID().toString().replace("-", ""), ruleId, severity, site, unit, at, null, Map.of());
    }

    static AlertMessage drill(String ruleId, int severity, String site, String unit, Instant at, String exercise) {
        return alert(UUID.randomUUID().toString().replace("-", ""), ruleId, severity, site, unit, at, exercise, Map.of());
    }

    static AlertMessage alert(String id, String ruleId, int severity, String site, String unit, Instant at,
                              String exercise, Map<String, String> groupKey) {
        return new AlertMessage(AlertMessage.SCHEMA, id, "correlation", ruleId, "2026-11-01", "Rule " + ruleId,
                "high", severity, "event_count", List.of("T1110"), List.of("attack.credential_access", "attack.t1110"),
                groupKey, site, unit, List.of("e1", "e2"), 2, at.minusSeconds(60).toString(), at.toString(), 2,
                exercise, at.plusSeconds(1).toString());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
