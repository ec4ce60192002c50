package com.ramparts.agent.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.ParserSettings;
import com.ramparts.agent.parse.Parsers;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The simulator writes what the products write: every generated line goes through the parser the
 * site's input names, with no refusal, and incidents show up as the fields the SOC's rules look at.
 */
class GeneratedLinesTest {

    private static final Instant START = Instant.parse("2026-11-22T02:30:00Z"); // 09:30 in the city
    private static final int LINES = 3_000;

    /** A site story where an attack, malware and a failing backup all happen within the run. */
    private static Scenario busy(long seed) {
        Scenario scenario = new Scenario(new Random(seed));
        for (int minute = 0; minute < 24 * 60; minute += 1) {
            scenario.advance(START.plus(Duration.ofMinutes(minute)));
        }
        return scenario;
    }

    private static List<TelemetryEvent.Builder> parseAll(String format, List<String> lines) throws ParseException {
        RecordParser parser = Parsers.create(format, ParserSettings.DEFAULTS);
        List<TelemetryEvent.Builder> drafts = new ArrayList<>();
        for (String line : lines) {
            parser.parse(RawRecord.of(line, START, "sim"), drafts::add);
        }
        return drafts;
    }

    private static List<String> lines(Function<Scenario, LineGenerator> make, long seed, boolean attack) {
        Scenario scenario = new Scenario(new Random(seed));
        scenario.advance(START);
        LineGenerator generator = make.apply(attack ? busyAttack(seed) : scenario);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add(generator.next(START.plusMillis(i * 37L)));
        }
        return lines;
    }

    /** A scenario that is under attack at START, with malware pending. */
    private static Scenario busyAttack(long seed) {
        for (long s = seed; ; s++) {
            Scenario scenario = new Scenario(new Random(s));
            for (int minute = 0; minute <= 600; minute++) {
                Instant at = START.minus(Duration.ofMinutes(600 - minute));
                scenario.advance(at);
            }
            if (scenario.underAttack(START)) {
                return scenario;
            }
        }
    }

    private static Set<String> values(List<TelemetryEvent.Builder> drafts, String field) {
        Set<String> values = new HashSet<>();
        for (TelemetryEvent.Builder draft : drafts) {
            TelemetryEvent event = draft.origin(Origin.of("s", new EventId("a", "i", 1))).build();
            FieldValue value = event.field(field);
            if (value instanceof FieldValue.StringValue text) {
                values.add(text.value());
            } else if (value instanceof FieldValue.LongValue number) {
                values.add(Long.toString(number.value()));
            }
        }
        return values;
    }

    @Test
    void firewallLinesAreIptablesAndFortiGateOutputWithTheAttackerInThem() throws ParseException {
        Addresses addresses = new Addresses(3, new Random(1));
        List<String> iptables = lines(s -> new IptablesLines(new Random(2), addresses, s, "quan-1-phuong-1",
                ParserSettings.DEFAULTS.localZone(), START.minus(Duration.ofDays(3))), 7, true);
        List<TelemetryEvent.Builder> drafts = parseAll("iptables", iptables);
        assertThat(drafts).hasSize(LINES);
        assertThat(values(drafts, "destination.port")).contains("22", "443");
        assertThat(values(drafts, "source.ip")).contains(busyAttack(7).attacker());

        List<String> fortigate = lines(s -> new FortiGateLines(new Random(2), addresses, s, "so-tttt", 0), 7, true);
        drafts = parseAll("fortigate", fortigate);
        assertThat(drafts).hasSize(LINES);
        assertThat(values(drafts, "event.action")).contains("deny", "close");
    }

    @Test
    void suricataLinesAreEveJsonWithAlertsDuringAnAttack() throws ParseException {
        Addresses addresses = new Addresses(3, new Random(1));
        Scenario attacked = busyAttack(7);
        LineGenerator generator = new SuricataLines(new Random(3), addresses, attacked);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add(generator.next(START.plusMillis(i * 37L)));
        }
        List<TelemetryEvent.Builder> drafts = parseAll("suricata-eve", lines);
        assertThat(drafts).hasSize(LINES);
        assertThat(values(drafts, "event.kind")).contains("alert", "event");
        assertThat(values(drafts, "rule.name")).contains("ET SCAN Potential SSH Scan");
    }

    @Test
    void antivirusAndBackupLinesAreClamdAndResticOutput() throws ParseException {
        Scenario scenario = busy(11);
        List<String> clamd = new ArrayList<>();
        ClamdLines antivirus = new ClamdLines(new Random(4), scenario, ParserSettings.DEFAULTS.localZone());
        for (int i = 0; i < 50; i++) {
            clamd.add(antivirus.next(START.plusSeconds(i * 60L)));
        }
        List<TelemetryEvent.Builder> drafts = parseAll("clamav-clamd", clamd);
        assertThat(drafts).isNotEmpty();

        ResticLines backup = new ResticLines(new Random(5), scenario);
        List<String> restic = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            restic.add(backup.next(START.plusSeconds(i * 600L)));
        }
        assertThat(parseAll("restic", restic)).hasSize(20);
    }

    @Test
    void malwareIsSeenByBothTheIdsAndTheAntivirusOnce() throws ParseException {
        Scenario scenario = new Scenario(new Random(1));
        Instant at = START;
        while (true) { // advance minute by minute until malware arrives
            scenario.advance(at);
            if (scenario.takeMalwareForIds()) {
                break;
            }
            at = at.plus(Duration.ofMinutes(1));
        }
        ClamdLines antivirus = new ClamdLines(new Random(4), scenario, ParserSettings.DEFAULTS.localZone());
        String found = antivirus.next(at);
        assertThat(found).endsWith(" FOUND");
        assertThat(antivirus.next(at)).endsWith("SelfCheck: Database status OK.");
        assertThat(values(parseAll("clamav-clamd", List.of(found)), "event.kind")).isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameLinesAndAnotherSeedOthers() {
        Addresses a1 = new Addresses(5, new Random(9));
        Addresses a2 = new Addresses(5, new Random(9));
        Addresses a3 = new Addresses(5, new Random(10));
        List<String> first = lines(s -> new SuricataLines(new Random(3), a1, s), 7, false);
        List<String> again = lines(s -> new SuricataLines(new Random(3), a2, s), 7, false);
        List<String> other = lines(s -> new SuricataLines(new Random(4), a3, s), 7, false);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void citySiteIdsAreUniqueAndValidSiteIds() {
        List<City.Site> sites = City.sites(2000);
        assertThat(sites).extracting(City.Site::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9][a-z0-9-]{0,62}"));
        assertThat(sites.getFirst().id()).isEqualTo("so-tttt");
        assertThat(sites.get(25).kind()).isEqualTo("ward");
    }

    @Test
    void theDailyRhythmAveragesOneAndPeaksInOfficeHours() {
        double sum = 0;
        for (int hour = 0; hour < 24; hour++) {
            sum += Rhythm.factor(Instant.parse("2026-11-22T00:00:00Z").plus(Duration.ofHours(hour)), false);
        }
        assertThat(sum / 24).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Rhythm.factor(START, false)).isGreaterThan(1.5); // 09:30 in Ho Chi Minh City
        assertThat(Rhythm.factor(Instant.parse("2026-11-22T20:00:00Z"), false)).isLessThan(0.5); // 03:00
        assertThat(Rhythm.factor(START, true)).isEqualTo(1.0);
    }
}
