package com.ramparts.soc.unit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which seal speaks for a unit, and its state: valid, expiring, expired, revoked, missing. */
class UnitCertificateTest {

    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    static final Duration WARN = Duration.ofDays(30);

    private static UnitCertificate.Issued seal(String serial, String status, String notAfter, String issuedAt) {
        return new UnitCertificate.Issued(serial, status, Instant.parse(issuedAt), Instant.parse(notAfter), Instant.parse(issuedAt));
    }

    @Test
    void eachStateFromPkisStatusAndTheDates() {
        assertThat(CertificateState.of("VALID", null, NOW.plus(Duration.ofDays(31)), NOW, WARN)).isEqualTo(CertificateState.VALID);
        assertThat(CertificateState.of("VALID", null, NOW.plus(Duration.ofDays(30)), NOW, WARN)).isEqualTo(CertificateState.EXPIRING);
        assertThat(CertificateState.of("VALID", null, NOW.plusSeconds(1), NOW, WARN)).isEqualTo(CertificateState.EXPIRING);
        assertThat(CertificateState.of("VALID", null, NOW, NOW, WARN)).isEqualTo(CertificateState.EXPIRED);
        assertThat(CertificateState.of("REVOKED", null, NOW.plus(Duration.ofDays(400)), NOW, WARN)).isEqualTo(CertificateState.REVOKED);
        assertThat(CertificateState.of("ON_HOLD", null, NOW.plus(Duration.ofDays(400)), NOW, WARN)).isEqualTo(CertificateState.REVOKED);
        assertThat(CertificateState.of("VALID", NOW.plusSeconds(60), NOW.plus(Duration.ofDays(400)), NOW, WARN))
                .as("not yet valid cannot sign today").isEqualTo(CertificateState.MISSING);
    }

    @Test
    void theUsableSealThatLastsLongestSpeaksForTheUnit() {
        UnitCertificate chosen = UnitCertificate.choose(List.of(
                seal("a1", "VALID", "2026-12-01T00:00:00Z", "2023-12-01T00:00:00Z"),   // expiring
                seal("b2", "VALID", "2029-11-01T00:00:00Z", "2026-11-01T00:00:00Z"),   // its renewal
                seal("c3", "REVOKED", "2029-11-20T00:00:00Z", "2026-11-20T00:00:00Z")), NOW, WARN);
        assertThat(chosen).isEqualTo(new UnitCertificate(CertificateState.VALID, "b2", Instant.parse("2029-11-01T00:00:00Z")));
    }

    @Test
    void withNoUsableSealTheNewestIssuedSaysWhy() {
        assertThat(UnitCertificate.choose(List.of(
                seal("a1", "VALID", "2025-01-01T00:00:00Z", "2022-01-01T00:00:00Z"),
                seal("b2", "REVOKED", "2028-01-01T00:00:00Z", "2025-01-01T00:00:00Z")), NOW, WARN).state())
                .isEqualTo(CertificateState.REVOKED);
        assertThat(UnitCertificate.choose(List.of(seal("a1", "VALID", "2025-01-01T00:00:00Z", "2022-01-01T00:00:00Z")), NOW, WARN).state())
                .isEqualTo(CertificateState.EXPIRED);
        assertThat(UnitCertificate.choose(List.of(), NOW, WARN)).isEqualTo(UnitCertificate.MISSING);
    }

    @Test
    void aSyncedSealExpiresOnTimeWithoutAnotherSync() {
        UnitCertificate synced = new UnitCertificate(CertificateState.VALID, "b2", NOW.plus(Duration.ofDays(40)));
        assertThat(synced.at(NOW, WARN).state()).isEqualTo(CertificateState.VALID);
        assertThat(synced.at(NOW.plus(Duration.ofDays(11)), WARN).state()).isEqualTo(CertificateState.EXPIRING);
        assertThat(synced.at(NOW.plus(Duration.ofDays(40)), WARN).state()).isEqualTo(CertificateState.EXPIRED);
        UnitCertificate revoked = new UnitCertificate(CertificateState.REVOKED, "c3", NOW.plus(Duration.ofDays(400)));
        assertThat(revoked.at(NOW.plus(Duration.ofDays(500)), WARN)).isEqualTo(revoked);
    }

    @Test
    void districtsFollowTheTreeAndSurviveABrokenOne() {
        List<PkiRegistry.PkiUnit> units = List.of(new PkiRegistry.PkiUnit("HCM", "city", null),
                new PkiRegistry.PkiUnit("Q1", "district", "HCM"), new PkiRegistry.PkiUnit("BN-01", "ward", "Q1"),
                new PkiRegistry.PkiUnit("TO-01", "team", "BN-01"), new PkiRegistry.PkiUnit("ORPHAN", "x", "GONE"),
                new PkiRegistry.PkiUnit("C1", "cycle", "C2"), new PkiRegistry.PkiUnit("C2", "cycle", "C1"));
        var districts = UnitTree.districts(units, 1);
        assertThat(districts).containsEntry("HCM", "HCM").containsEntry("Q1", "Q1").containsEntry("BN-01", "Q1")
                .containsEntry("TO-01", "Q1").containsEntry("ORPHAN", "ORPHAN");
        assertThat(districts.get("C1")).isIn("C1", "C2");
        assertThat(UnitTree.districts(units, 0)).containsEntry("BN-01", "HCM");
    }
}
