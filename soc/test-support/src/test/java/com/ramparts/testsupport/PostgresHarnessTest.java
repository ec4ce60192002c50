package com.ramparts.testsupport;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServers.class)
class PostgresHarnessTest {

    @Test
    void flywayMigrationRunsOnRealPostgres(TestPostgres.Schema schema) throws Exception {
        MigrateResult result = Flyway.configure()
                .dataSource(schema.dataSource())
                .schemas(schema.name())
                .locations("classpath:db/harness")
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(result.targetSchemaVersion).isEqualTo("2");
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet product = s.executeQuery("SELECT version()");
            product.next();
            assertThat(product.getString(1)).startsWith("PostgreSQL");
            ResultSet rows = s.executeQuery("SELECT label, note FROM harness_probe ORDER BY id");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("label")).isEqualTo("first");
            assertThat(rows.getString("note")).isNull();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("note")).isEqualTo("migrated");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void everySchemaIsFreshSoTestsNeverShareRows(TestPostgres.Schema first, TestPostgres.Schema second) throws Exception {
        assertThat(first.name()).isNotEqualTo(second.name());
        Flyway.configure().dataSource(first.dataSource()).schemas(first.name()).locations("classpath:db/harness").load().migrate();
        try (Connection c = second.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet tables = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + second.name() + "'");
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }
}
