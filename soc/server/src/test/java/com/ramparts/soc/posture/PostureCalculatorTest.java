package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.unit.CertificateState;
import com.ramparts.soc.unit.Unit;
import com.ramparts.soc.unit.UnitCertificate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of posture on plain values: each threshold's edge, the score formula, the shares' bases. */
class PostureCalculatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    static final SocProperties.Posture SETTINGS = new SocProperties.Posture(true, "g", 100, Duration.ofSeconds(1),
            List.of("iptables.log"), List.of("windows.defender"), Duration.ofHours(1), Duration.ofDays(3), Duration.ofHours(24),
            Duration.ofMinutes(10), Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(400));
    final PostureCalculator calculator = new PostureCalculator(SETTINGS);

    private static Site site(String id, String unit) {
        return new Site(id, unit, id, List.of(), List.of());
    }

    private static Unit unit(String id, String district, CertificateState state) {
        return new Unit(id, id, null, district, district, null, new UnitCertificate(state, null, null), NOW);
    }

    @Test
    void eachThresholdIsInclusiveAtItsEdge() {
        SiteState atEdge = new SiteState("s1", null, NOW.minus(Duration.ofHours(1)), NOW, NOW.minus(Duration.ofHours(24)), null,
                NOW.minus(Duration.ofMinutes(10)));
        SiteState pastEdge = new SiteState("s2", null, NOW.minus(Duration.ofHours(1)).minusMillis(1), NOW,
                NOW.minus(Duration.ofHours(24)).minusMillis(1), null, NOW.minus(Duration.ofMinutes(10)).minusMillis(1));
        PosturePicture picture = calculator.judge(NOW, List.of(site("s1", "U"), site("s2", "U")), List.of(atEdge, pastEdge), List.of(),
                List.of(unit("U", "D", CertificateState.VALID)));
        SitePosture s1 = picture.site("s1").orElseThrow();
        SitePosture s2 = picture.site("s2").orElseThrow();
        assertThat(List.of(s1.firewallReporting(), s1.backupRecent(), s1.agentOnline())).containsExactly(true, true, true);
        assertThat(List.of(s2.firewallReporting(), s2.backupRecent(), s2.agentOnline())).containsExactly(false, false, false);
    }

    @Test
    void aWorkstationIsHealthyWithFreshSignaturesAndProtectionNotSwitchedOff() {
        List<HostState> hosts = List.of(
                new HostState("s1", "fresh", NOW, NOW.minus(Duration.ofDays(3)), null),
                new HostState("s1", "stale", NOW, NOW.minus(Duration.ofDays(3)).minusSeconds(1), true),
                new HostState("s1", "switched-off", NOW, NOW, false),
                new HostState("s1", "never-updated", NOW, null, true),
                new HostState("s1", "gone", NOW.minus(Duration.ofDays(31)), NOW.minus(Duration.ofDays(31)), true));
        SitePosture site = calculator.judge(NOW, List.of(site("s1", "U")), List.of(), hosts, List.of()).site("s1").orElseThrow();
        assertThat(site.workstationsSeen()).as("a host silent beyond the lookback is no longer counted").isEqualTo(4);
        assertThat(site.workstationsHealthy()).isEqualTo(1);
        assertThat(site.oldestSignatureAgeSeconds()).isEqualTo(Duration.ofDays(3).toSeconds() + 1);
    }

    @Test
    void theScoreWeighsFirewallAntivirusBackupCertificateAndAgents() {
        SiteState good = new SiteState("a", null, NOW, NOW, NOW, null, NOW);
        SiteState bare = new SiteState("b", null, null, null, null, null, null);
        List<HostState> hosts = List.of(new HostState("a", "h1", NOW, NOW, true), new HostState("a", "h2", NOW, null, null),
                new HostState("b", "h3", NOW, NOW, true), new HostState("b", "h4", NOW, NOW, true));
        PosturePicture picture = calculator.judge(NOW, List.of(site("a", "U"), site("b", "U")), List.of(good, bare), hosts,
                List.of(unit("U", "D", CertificateState.EXPIRING), unit("EMPTY", "D", CertificateState.VALID)));
        UnitPosture u = picture.unit("U").orElseThrow();
        // firewall 1/2, workstations 3/4, backup 1/2, expiring seal 0.5, agents 1/2
        assertThat(u.score()).isEqualTo(Math.round((25 * 0.5 + 25 * 0.75 + 25 * 0.5 + 15 * 0.5 + 10 * 0.5) * 10) / 10.0);
        assertThat(List.of(u.firewallOk(), u.antivirusOk(), u.backupOk(), u.certificateOk())).containsExactly(false, false, false, true);
        UnitPosture empty = picture.unit("EMPTY").orElseThrow();
        assertThat(empty.monitored()).isFalse();
        assertThat(empty.score()).isNull();
        Shares district = picture.district("D").orElseThrow().shares();
        assertThat(List.of(district.units(), district.monitored())).containsExactly(2, 1);
        assertThat(district.firewall()).isEqualTo(0.0);
        assertThat(district.certificate()).as("certificates count every unit").isEqualTo(100.0);
    }

    @Test
    void sitesAndUnitsPkiDoesNotKnowStillCount() {
        SiteState stranger = new SiteState("x", "GHOST", NOW, null, null, null, NOW);
        PosturePicture picture = calculator.judge(NOW, List.of(), List.of(stranger), List.of(), List.of());
        assertThat(picture.site("x").orElseThrow().registered()).isFalse();
        UnitPosture ghost = picture.unit("GHOST").orElseThrow();
        assertThat(ghost.inRegistry()).isFalse();
        assertThat(ghost.districtId()).isEqualTo(PosturePicture.UNASSIGNED);
        assertThat(ghost.certificate()).isEqualTo(CertificateState.MISSING);
        assertThat(picture.city().units()).isEqualTo(1);
    }

    @Test
    void nothingAtAllGivesEmptySharesNotZeroes() {
        PosturePicture picture = calculator.judge(NOW, List.of(), List.of(), List.of(), List.of());
        assertThat(picture.city()).isEqualTo(new Shares(0, 0, null, null, null, null, null));
    }
}
