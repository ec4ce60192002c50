package com.ramparts.soc.site;

import com.ramparts.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's migration and queries on PostgreSQL, the production database (H2 is covered by the ingest tests). */
class SiteRegistryOnPostgresTest {

    @Test
    void aSavedSiteIsFoundWithItsSourcesAndContactsAndASecondSaveReplacesIt() {
        TestPostgres.Schema schema = TestPostgres.newSchema();
        DataSource dataSource = schema.dataSource();
        Flyway.configure().dataSource(dataSource).schemas(schema.name()).load().migrate();
        SiteRegistry registry = new SiteRegistry(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        registry.save(new Site("ward-07", "d3-ward-07", "Phường 7, Quận 3", List.of("suricata.eve", "restic.backup"),
                List.of(new Site.Contact("Trần Thị B", "b@q3.example.vn", "+84 28 0000 0007"),
                        new Site.Contact("Lê Văn C", null, null))));
        registry.save(new Site("ward-08", "d3-ward-08", "Phường 8, Quận 3", List.of(), List.of()));

        Site found = registry.find("ward-07").orElseThrow();
        assertThat(found.unitId()).isEqualTo("d3-ward-07");
        assertThat(found.expectedSources()).containsExactly("restic.backup", "suricata.eve");
        assertThat(found.contacts()).extracting(Site.Contact::name).containsExactly("Trần Thị B", "Lê Văn C");

        registry.save(new Site("ward-07", "d3-ward-07b", "Phường 7", List.of("clamav.scan"), List.of()));
        assertThat(registry.find("ward-07").orElseThrow().expectedSources()).containsExactly("clamav.scan");
        assertThat(registry.all()).extracting(Site::siteId).containsExactly("ward-07", "ward-08");
        assertThat(registry.find("ward-99")).isEmpty();
    }
}
