package com.ramparts.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.compile.Match;
import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.detection.load.RuleLoader;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test helpers: rules from YAML text, events from field/value pairs. */
public final class Sigma {

    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Sigma() {
    }

    public static LoadReport load(String yaml) {
        return RuleLoader.withDefaults().loadString("test.yml", yaml);
    }

    public static LoadReport load(RuleLoader loader, String yaml) {
        return loader.loadString("test.yml", yaml);
    }

    /** Loads rules that must load without problems. */
    public static RuleSet rules(String yaml) {
        LoadReport report = load(yaml);
        assertThat(report.problems()).as("load problems").isEmpty();
        return report.ruleSet();
    }

    /** A firewall rule (logsource category firewall) with this detection block, indented by the caller's text. */
    public static String firewallRule(String detection) {
        return "title: test rule\nid: test-rule\nlevel: high\nlogsource:\n  category: firewall\ndetection:\n"
                + indent(detection);
    }

    public static String indent(String block) {
        StringBuilder text = new StringBuilder();
        for (String line : block.stripIndent().split("\n")) {
            text.append("  ").append(line).append('\n');
        }
        return text.toString();
    }

    /** Whether a firewall rule with this detection matches the event. */
    public static boolean matches(String detection, TelemetryEvent event) {
        return !rules(firewallRule(detection)).match(event).isEmpty();
    }

    /** An iptables firewall event with these fields (name, value, name, value...). */
    public static TelemetryEvent firewall(Object... fields) {
        return event("iptables.log", T0, fields);
    }

    public static TelemetryEvent event(String dataset, Instant time, Object... fields) {
        TelemetryEvent.Builder builder = TelemetryEvent.builder().timestamp(time)
                .origin(Origin.of("site-1", new EventId("agent-1", "input", SEQUENCE.incrementAndGet())))
                .put("event.dataset", dataset);
        for (int i = 0; i < fields.length; i += 2) {
            String name = (String) fields[i];
            Object value = fields[i + 1];
            switch (value) {
                case String s when name.equals("event.original") -> builder.original(s);
                case String s -> builder.put(name, s);
                case Integer n -> builder.put(name, (long) n);
                case Long n -> builder.put(name, n);
                case Double d -> builder.put(name, d);
                case Boolean b -> builder.put(name, b);
                case List<?> list -> builder.put(name, list.stream().map(String::valueOf).toList());
                default -> throw new IllegalArgumentException("unsupported value " + value);
            }
        }
        return builder.build();
    }

    public static List<String> ids(List<Match> matches) {
        return matches.stream().map(Match::ruleId).toList();
    }
}
