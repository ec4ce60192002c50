package com.ramparts.agent.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser against broken and hostile input: each record gives events that survive their JSON
 * form, or a ParseException with a reason — never another exception.
 */
class ParserRobustnessTest {

    static Stream<String> formats() {
        return FormatFixtures.ALL.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void everyFormatHasFixturesThatParseWithoutError(String format) {
        List<TelemetryEvent> events = new ArrayList<>();
        for (String fixture : FormatFixtures.ALL.get(format)) {
            events.addAll(Fixtures.parseAll(format, fixture));
        }
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.original()).isPresent();
            assertThat(Fixtures.value(event, "event.kind")).isIn("event", "alert", "metric", "state");
            assertThat(Fixtures.value(event, "event.dataset")).isNotNull();
            assertThat(Fixtures.value(event, "event.module")).isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("formats")
    void brokenAndHostileRecordsGiveEventsOrAReason(String format) {
        RecordParser parser = Parsers.create(format, ParserSettings.DEFAULTS);
        List<RawRecord> hostile = new ArrayList<>();
        for (String text : List.of("", " ", "\t", "{", "}", "[]", "{}", "null", "42", "\"text\"", "=", "a=b", "::::",
                ",,,,,,,,,,,,,,,,,,,,,,,,,", "\u0000\u0001\u0002\u00ff\uFFFD\uFFFD\uFFFD", "\uFFFD".repeat(5000),
                "{".repeat(10_000), "[".repeat(100_000), "{\"a\":" .repeat(5_000), "1".repeat(5_000),
                "{\"timestamp\":\"2026-11-22T03:04:05+0700\",\"event_type\":\"alert\",\"src_port\":" + "9".repeat(80) + "}",
                "{\"timestamp\":\"0000-01-01T00:00:00Z\",\"event_type\":\"flow\"}",
                "{\"timestamp\":\"2026-13-45T99:99:99Z\",\"event_type\":\"flow\"}",
                "{\"timestamp\":[],\"event_type\":{}}", "{\"message_type\":\"summary\",\"total_duration\":1e400}",
                "{\"type\":\"log_message\",\"time\":1e300}", "{\"Id\":1116,\"TimeCreated\":\"/Date(99999999999999999)/\"}",
                "{\"a\":\"\\ud800\"}", "\ud800 IN=eth0 SRC=1.2.3.4 PROTO=TCP")) {
            hostile.add(new RawRecord(text, Fixtures.RECEIVED, "test", false));
        }
        hostile.add(new RawRecord("A".repeat(10 << 20), Fixtures.RECEIVED, "test", true)); // a 10 MB line, cut
        hostile.add(new RawRecord("x".repeat(300_000), Fixtures.RECEIVED, "test", false));
        Random random = new Random(7);
        byte[] bytes = new byte[4096];
        for (int i = 0; i < 20; i++) {
            random.nextBytes(bytes);
            hostile.add(new RawRecord(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), Fixtures.RECEIVED, "test", false));
        }
        for (String fixture : FormatFixtures.ALL.get(format)) {
            for (String record : Fixtures.records(format, fixture)) {
                hostile.add(new RawRecord(record.substring(0, record.length() / 2), Fixtures.RECEIVED, "test", true));
                hostile.add(new RawRecord(record.replace('e', '\uFFFD'), Fixtures.RECEIVED, "test", false));
            }
        }
        for (RawRecord record : hostile) {
            assertGivesEventsOrAReason(parser, record);
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void recordsLongerThanTheBoundAreRefusedWithTheirLength(String format) {
        RecordParser parser = Parsers.create(format, ParserSettings.DEFAULTS);
        RawRecord huge = new RawRecord("A".repeat(10 << 20), Fixtures.RECEIVED, "test", true);
        try {
            Fixtures.parse(parser, huge);
            fail("a 10 MB record was accepted");
        } catch (ParseException e) {
            assertThat(e.reason()).contains("10485760 characters").contains("truncated");
        }
    }

    /** A bounded, deterministic fuzz run: mutations of every fixture record. */
    @ParameterizedTest
    @MethodSource("formats")
    void mutatedFixtureRecordsGiveEventsOrAReason(String format) {
        List<String> seeds = new ArrayList<>();
        for (String fixture : FormatFixtures.ALL.get(format)) {
            seeds.addAll(Fixtures.records(format, fixture));
        }
        Random random = new Random(20261122L ^ format.hashCode());
        RecordParser parser = Parsers.create(format, ParserSettings.DEFAULTS);
        for (int i = 0; i < 3_000; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String mutant = Mutations.mutate(seed, random);
            assertGivesEventsOrAReason(parser, new RawRecord(mutant, Fixtures.RECEIVED, "fuzz", random.nextInt(10) == 0));
        }
    }

    private static void assertGivesEventsOrAReason(RecordParser parser, RawRecord record) {
        try {
            Fixtures.parse(parser, record);
        } catch (ParseException e) {
            assertThat(e.reason()).as("reason for %s", shorten(record.text())).isNotBlank();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(parser.format() + " threw " + e + " on: " + shorten(record.text()), e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
