package com.ramparts.detection.bench;

import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.detection.load.RuleLoader;
import com.ramparts.detection.load.RuleSource;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Matching cost per event as the rule count grows: a realistic mix of firewall, Suricata,
 * antivirus and backup rules (exact values, lists, contains, startswith, CIDR, numeric
 * comparisons, regular expressions, keywords) against a realistic mix of events. One thread: the
 * figure is events per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleMatchingBenchmark {

    @Param({"10", "100", "1000"})
    int rules;

    private RuleSet ruleSet;
    private TelemetryEvent[] events;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            sources.add(new RuleSource("rule-" + i + ".yml", rule(i)));
        }
        LoadReport report = RuleLoader.withDefaults().loadSources(sources);
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("benchmark rules must load cleanly: " + report.problems().getFirst());
        }
        ruleSet = report.ruleSet();
        SplittableRandom random = new SplittableRandom(42);
        events = new TelemetryEvent[4096];
        int matching = 0;
        for (int i = 0; i < events.length; i++) {
            events[i] = event(random, i);
            matching += ruleSet.match(events[i]).isEmpty() ? 0 : 1;
        }
        if (matching == 0) {
            throw new IllegalStateException("no event matches any rule: the benchmark would measure misses only");
        }
        System.out.printf("%d rules, %d of %d events match at least one rule%n", rules, matching, events.length);
    }

    @Benchmark
    public void matchOneEvent(Blackhole sink) {
        TelemetryEvent event = events[next++ & (events.length - 1)];
        sink.consume(ruleSet.match(event));
    }

    /** Four families in rotation, each with its own shape of detection. */
    static String rule(int i) {
        String head = "title: bench " + i + "\nid: bench-" + i + "\nlevel: medium\n";
        return switch (i % 8) {
            case 0 -> head + "logsource: {category: firewall}\ndetection:\n  sel:\n    dst_port: " + (1000 + i)
                    + "\n    action: [deny, drop, reject]\n  condition: sel\n";
            case 1 -> head + "logsource: {category: firewall}\ndetection:\n  sel:\n    src_ip|cidr: 10." + (i % 250) + ".0.0/16"
                    + "\n    dst_port|gte: " + (i % 60000) + "\n  filter:\n    action: allow\n  condition: sel and not filter\n";
            case 2 -> head + "logsource: {product: suricata, category: ids}\ndetection:\n  sel:\n    alert.signature_id: "
                    + (2_000_000 + i) + "\n  condition: sel\n";
            case 3 -> head + "logsource: {product: suricata, category: ids}\ndetection:\n  sel:\n    alert.signature|contains: 'ET EXPLOIT "
                    + i + "'\n    alert.severity|lte: 2\n  condition: sel\n";
            case 4 -> head + "logsource: {category: antivirus}\ndetection:\n  sel:\n    threat.name|startswith: 'Win.Ransomware."
                    + i + "'\n  condition: sel\n";
            case 5 -> head + "logsource: {category: antivirus}\ndetection:\n  sel:\n    file.path|re: '^/srv/www/[^/]+/upload"
                    + i + "/.*\\.php$'\n  condition: sel\n";
            case 6 -> head + "logsource: {category: backup}\ndetection:\n  sel:\n    event.outcome: failure\n    host.name|endswith: '-"
                    + i + "'\n  condition: sel\n";
            default -> head + "logsource: {category: firewall}\ndetection:\n  keywords:\n    - 'needle-" + i + "'\n  condition: keywords\n";
        };
    }

    /** Events shaped like the agents' output; a few percent of them match some rule. */
    static TelemetryEvent event(SplittableRandom random, int sequence) {
        TelemetryEvent.Builder builder = TelemetryEvent.builder()
                .timestamp(Instant.parse("2026-11-22T08:00:00Z").plusSeconds(sequence))
                .origin(Origin.of("site-" + random.nextInt(300), new EventId("agent-1", "bench", sequence)));
        switch (random.nextInt(4)) {
            case 0 -> builder.put("event.dataset", "iptables.log").put("event.kind", "event")
                    .put("event.category", List.of("network")).put("event.action", random.nextInt(10) < 7 ? "deny" : "allow")
                    .put("source.ip", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256))
                    .put("destination.ip", "192.168.1." + random.nextInt(256))
                    .put("destination.port", (long) random.nextInt(65536)).put("network.transport", "tcp")
                    .original("IN=eth0 OUT= SRC=10.0.0.1 DST=192.168.1.1 PROTO=TCP SPT=40000 DPT=22 SYN");
            case 1 -> builder.put("event.dataset", "suricata.eve").put("event.kind", "alert")
                    .put("rule.id", Long.toString(2_000_000 + random.nextInt(5000)))
                    .put("rule.name", "ET EXPLOIT " + random.nextInt(1000) + " attempt").put("event.severity", (long) (1 + random.nextInt(3)))
                    .put("source.ip", "203.0.113." + random.nextInt(256)).put("destination.port", 443L);
            case 2 -> builder.put("event.dataset", "clamav.clamd").put("event.kind", "alert")
                    .put("threat.name", "Win.Ransomware." + random.nextInt(1000) + ".Agent")
                    .put("file.path", "/srv/www/portal/upload" + random.nextInt(50) + "/shell.php")
                    .put("host.name", "ws-" + random.nextInt(200));
            default -> builder.put("event.dataset", "restic.backup").put("event.kind", "event")
                    .put("event.outcome", random.nextInt(10) == 0 ? "failure" : "success")
                    .put("host.name", "backup-" + random.nextInt(1000));
        }
        return builder.build();
    }
}
