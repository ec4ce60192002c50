package com.ramparts.soc.unit;

import com.ramparts.soc.posture.PostureTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unit sync against the real pki (its jar, as a process): units, parents and districts from pki's registry,
 * seal states from its certificate inventory, idempotent re-runs, and a failed fetch (revoked token, pki answering
 * nonsense) that changes nothing.
 */
class UnitSyncAgainstPkiTest extends PostureTestContext {

    @Autowired
    UnitSync sync;
    @Autowired
    UnitDirectory directory;
    @Autowired
    JdbcClient jdbc;

    private Map<String, Unit> units() {
        return directory.all().stream().collect(Collectors.toMap(Unit::unitId, Function.identity()));
    }

    @Test
    void unitsDistrictsAndSealStatesComeFromPki() {
        await().atMost(Duration.ofSeconds(60)).until(() -> sync.status().lastSuccess() != null);
        Map<String, Unit> units = units();
        assertThat(units).containsKeys("HCM", "Q1", "BN-01", "DK-01", "Q3", "VTS-01");
        assertThat(units.get("BN-01").nameVi()).isEqualTo("Phường Bến Nghé");
        assertThat(units.get("BN-01").parentId()).isEqualTo("Q1");
        assertThat(units.get("BN-01").districtId()).isEqualTo("Q1");
        assertThat(units.get("VTS-01").districtId()).isEqualTo("Q3");
        assertThat(units.get("Q3").districtId()).isEqualTo("Q3");
        assertThat(units.get("HCM").districtId()).as("above the district level: its own").isEqualTo("HCM");
        assertThat(units.get("HCM").parentId()).isNull();

        assertThat(units.get("BN-01").certificate().state()).isEqualTo(CertificateState.VALID);
        assertThat(units.get("BN-01").certificate().serial()).isEqualTo(PkiFixture.sealBenNghe);
        assertThat(units.get("BN-01").certificate().notAfter()).isAfter(java.time.Instant.now().plus(Duration.ofDays(1000)));
        assertThat(units.get("DK-01").certificate().state()).isEqualTo(CertificateState.REVOKED);
        assertThat(units.get("DK-01").certificate().serial()).isEqualTo(PkiFixture.sealDaKao);
        assertThat(units.get("VTS-01").certificate().state()).isEqualTo(CertificateState.VALID);
        assertThat(units.get("Q1").certificate()).isEqualTo(UnitCertificate.MISSING);
    }

    @Test
    void aSecondSyncWithNothingChangedWritesNothing() {
        assertThat(sync.run()).isTrue();
        var before = jdbc.sql("select unit_id, synced_at from soc_unit order by unit_id").query().listOfRows();
        assertThat(sync.run()).isTrue();
        assertThat(sync.status().lastChanges()).isEqualTo(new UnitStore.Changes(0, 0, before.size(), 0));
        assertThat(jdbc.sql("select unit_id, synced_at from soc_unit order by unit_id").query().listOfRows()).isEqualTo(before);
    }

    @Test
    void aFailedFetchKeepsEveryUnitAndASyncAfterItCatchesUp() {
        assertThat(sync.run()).isTrue();
        Map<String, Unit> before = units();
        RealPki pki = RealPki.shared();
        RealPki.Token doomed = pki.token("soc-doomed", "ADMIN");
        PkiFixture.writeToken(doomed.secret());
        try {
            pki.revokeToken(doomed);
            pki.importUnits("HCM,Thành phố Hồ Chí Minh (UBND),,\n"); // a change in pki while soc cannot read it

            assertThat(sync.run()).isFalse();
            assertThat(sync.status().lastError()).contains("HTTP 401");
            assertThat(units()).isEqualTo(before);

            RealPki.Token officer = pki.token("soc-officer", "RA_OFFICER"); // may read units, not the certificate inventory
            PkiFixture.writeToken(officer.secret());
            assertThat(sync.run()).isFalse();
            assertThat(sync.status().lastError()).contains("HTTP 403").contains("ADMIN");
            assertThat(units()).as("units were readable, seals not: nothing is half-written").isEqualTo(before);
        } finally {
            PkiFixture.writeToken(PkiFixture.token.secret());
        }
        assertThat(sync.run()).isTrue();
        assertThat(sync.status().lastChanges().updated()).isEqualTo(1);
        assertThat(units().get("HCM").nameVi()).isEqualTo("Thành phố Hồ Chí Minh (UBND)");
        assertThat(units().get("BN-01")).isEqualTo(before.get("BN-01"));
    }
}
