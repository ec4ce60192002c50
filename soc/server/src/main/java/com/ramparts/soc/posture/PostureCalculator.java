package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.unit.CertificateState;
import com.ramparts.soc.unit.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Judges posture from state, registry and units at a moment; no I/O, so every rule is tested with plain values.
 * The score of a unit (0-100, docs/soc-posture.md):
 * {@code 25 F + 25 A + 25 B + 15 C + 10 O} with F the share of its sites whose firewall reports, A the share of its
 * workstations with healthy antivirus (0 when none reported), B the share of its sites backed up within
 * {@code backup-max-age}, C 1 for a valid seal, 0.5 for one expiring, 0 otherwise, and O the share of its sites
 * whose agent is online.
 */
public final class PostureCalculator {

    private final SocProperties.Posture settings;

    public PostureCalculator(SocProperties.Posture settings) {
        this.settings = settings;
    }

    public PosturePicture judge(Instant now, List<Site> registered, List<SiteState> states, List<HostState> hosts, List<Unit> units) {
        Map<String, SiteState> stateOf = new HashMap<>();
        states.forEach(state -> stateOf.put(state.siteId(), state));
        Map<String, List<HostState>> hostsOf = new HashMap<>();
        hosts.stream().filter(h -> !h.seenLast().isBefore(now.minus(settings.workstationLookback())))
                .forEach(h -> hostsOf.computeIfAbsent(h.siteId(), id -> new ArrayList<>()).add(h));

        Map<String, SitePosture> sites = new TreeMap<>();
        for (Site site : registered) {
            sites.put(site.siteId(), site(now, site.siteId(), site.name(), site.unitId(), true, stateOf.get(site.siteId()),
                    hostsOf.getOrDefault(site.siteId(), List.of())));
        }
        for (SiteState state : states) {
            if (!sites.containsKey(state.siteId())) {
                sites.put(state.siteId(), site(now, state.siteId(), state.siteId(), state.eventUnitId(), false, state,
                        hostsOf.getOrDefault(state.siteId(), List.of())));
            }
        }

        Map<String, Unit> unitOf = new LinkedHashMap<>();
        units.forEach(unit -> unitOf.put(unit.unitId(), unit));
        Map<String, List<SitePosture>> sitesOf = new HashMap<>();
        sites.values().stream().filter(s -> s.unitId() != null)
                .forEach(s -> sitesOf.computeIfAbsent(s.unitId(), id -> new ArrayList<>()).add(s));
        Map<String, UnitPosture> judgedUnits = new TreeMap<>();
        for (Unit unit : units) {
            judgedUnits.put(unit.unitId(), unit(unit.unitId(), unit.nameVi(), unit.nameEn(), unit.districtId(), true,
                    unit.certificate().state(), unit.certificate().notAfter(), sitesOf.getOrDefault(unit.unitId(), List.of())));
        }
        sitesOf.forEach((unitId, unitSites) -> judgedUnits.computeIfAbsent(unitId, id -> unit(id, id, null,
                PosturePicture.UNASSIGNED, false, CertificateState.MISSING, null, unitSites)));

        Map<String, List<UnitPosture>> byDistrict = new TreeMap<>();
        judgedUnits.values().forEach(u -> byDistrict.computeIfAbsent(u.districtId(), id -> new ArrayList<>()).add(u));
        List<DistrictPosture> districts = new ArrayList<>();
        byDistrict.forEach((districtId, members) -> {
            Unit named = unitOf.get(districtId);
            districts.add(new DistrictPosture(districtId, named == null ? districtId : named.nameVi(),
                    named == null ? null : named.nameEn(), shares(members)));
        });
        return new PosturePicture(now, List.copyOf(sites.values()), List.copyOf(judgedUnits.values()), List.copyOf(districts),
                shares(judgedUnits.values().stream().toList()));
    }

    private SitePosture site(Instant now, String siteId, String name, String unitId, boolean registered, SiteState state,
                             List<HostState> hosts) {
        Instant firewall = state == null ? null : state.firewallLast();
        Instant antivirus = state == null ? null : state.antivirusLast();
        Instant backup = state == null ? null : state.backupSuccessLast();
        Instant heartbeat = state == null ? null : state.heartbeatLast();
        int healthy = (int) hosts.stream().filter(h -> healthy(h, now)).count();
        Long oldestSignature = hosts.stream().map(HostState::signaturesAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).map(at -> age(at, now)).orElse(null);
        return new SitePosture(siteId, name, unitId, registered,
                firewall, within(firewall, now, settings.firewallSilentAfter()),
                antivirus, within(antivirus, now, settings.workstationLookback()), oldestSignature,
                hosts.size(), healthy,
                backup, backup == null ? null : age(backup, now), within(backup, now, settings.backupMaxAge()),
                state == null ? null : state.backupFailureLast(),
                heartbeat, within(heartbeat, now, settings.agentOfflineAfter()));
    }

    /** Protection not switched off, and signatures no older than {@code signature-max-age}. */
    boolean healthy(HostState host, Instant now) {
        return !Boolean.FALSE.equals(host.protectionOn()) && within(host.signaturesAt(), now, settings.signatureMaxAge());
    }

    private static UnitPosture unit(String unitId, String name, String nameEn, String districtId, boolean inRegistry,
                                    CertificateState certificate, Instant notAfter, List<SitePosture> sites) {
        int count = sites.size();
        int firewall = count(sites, SitePosture::firewallReporting);
        int antivirus = count(sites, SitePosture::antivirusPresent);
        int seen = sites.stream().mapToInt(SitePosture::workstationsSeen).sum();
        int healthy = sites.stream().mapToInt(SitePosture::workstationsHealthy).sum();
        int backup = count(sites, SitePosture::backupRecent);
        int online = count(sites, SitePosture::agentOnline);
        boolean monitored = count > 0;
        Double score = null;
        if (monitored) {
            double certificatePart = certificate == CertificateState.VALID ? 1 : certificate == CertificateState.EXPIRING ? 0.5 : 0;
            score = round(25.0 * firewall / count + 25.0 * (seen == 0 ? 0 : (double) healthy / seen) + 25.0 * backup / count
                    + 15.0 * certificatePart + 10.0 * online / count);
        }
        return new UnitPosture(unitId, name, nameEn, districtId, inRegistry, count, firewall, antivirus, seen, healthy, backup, online,
                certificate, notAfter, monitored, monitored && firewall == count, seen > 0 && healthy == seen,
                monitored && backup == count, certificate.usable(), score);
    }

    static Shares shares(List<UnitPosture> units) {
        List<UnitPosture> monitored = units.stream().filter(UnitPosture::monitored).toList();
        return new Shares(units.size(), monitored.size(),
                percent(monitored, UnitPosture::firewallOk), percent(monitored, UnitPosture::antivirusOk),
                percent(monitored, UnitPosture::backupOk), percent(units, UnitPosture::certificateOk),
                monitored.isEmpty() ? null : round(monitored.stream().mapToDouble(UnitPosture::score).average().orElse(0)));
    }

    private static Double percent(List<UnitPosture> units, Predicate<UnitPosture> ok) {
        return units.isEmpty() ? null : round(100.0 * units.stream().filter(ok).count() / units.size());
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }

    private static boolean within(Instant at, Instant now, Duration limit) {
        return at != null && !at.isBefore(now.minus(limit));
    }

    private static long age(Instant at, Instant now) {
        return Math.max(0, Duration.between(at, now).toSeconds());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
