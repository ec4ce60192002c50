package com.ramparts.detection.bench;

import com.ramparts.detection.ioc.Indicator;
import com.ramparts.detection.ioc.IndicatorSet;
import com.ramparts.detection.ioc.IndicatorType;
import com.ramparts.detection.ioc.IndicatorValues;
import com.ramparts.detection.ioc.InvalidIndicatorException;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * IOC matching cost per event as the indicator count grows: a feed-like mix (addresses, CIDR
 * networks, domains, URLs, SHA-256/MD5 hashes, e-mail) against agent-shaped firewall, Suricata DNS
 * and HTTP, and antivirus events, about 2% of which carry a listed value. One thread: events per
 * second per core. The setup prints how long compiling the set took and the heap it holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class IndicatorMatchingBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @Param({"0", "100000", "1000000"})
    int indicators;

    private IndicatorSet set;
    private TelemetryEvent[] events;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws InvalidIndicatorException {
        SplittableRandom random = new SplittableRandom(42);
        List<Indicator> list = new ArrayList<>(indicators);
        List<String> listedIps = new ArrayList<>();
        List<String> listedDomains = new ArrayList<>();
        List<String> listedHashes = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            int kind = random.nextInt(100);
            IndicatorType type;
            String value;
            if (kind < 50) {
                type = IndicatorType.ADDRESS;
                value = (random.nextInt(223) + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
                listedIps.add(value);
            } else if (kind < 55) {
                type = IndicatorType.ADDRESS;
                value = (random.nextInt(223) + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + ".0/"
                        + (24 + random.nextInt(5));
            } else if (kind < 80) {
                type = IndicatorType.DOMAIN;
                value = "bad" + i + "-" + Integer.toString(random.nextInt(1 << 30), 36) + ".example";
                listedDomains.add(value);
            } else if (kind < 90) {
                type = IndicatorType.SHA256;
                value = hex(random, 32);
                listedHashes.add(value);
            } else if (kind < 95) {
                type = IndicatorType.MD5;
                value = hex(random, 16);
            } else if (kind < 98) {
                type = IndicatorType.URL;
                value = "http://files" + i + ".example/p/" + random.nextInt(1_000_000) + ".exe";
            } else {
                type = IndicatorType.EMAIL;
                value = "billing" + i + "@invoice" + random.nextInt(10_000) + ".example";
            }
            list.add(new Indicator("bench", "bench-" + i, type, IndicatorValues.normalize(type, value),
                    com.ramparts.detection.rule.Level.HIGH, -1, null, null, null, "", "", ""));
        }
        System.gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long start = System.nanoTime();
        set = IndicatorSet.of(list);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        events = new TelemetryEvent[4096];
        int matching = 0;
        for (int i = 0; i < events.length; i++) {
            boolean listed = random.nextInt(50) == 0;
            events[i] = event(random, i, listed, listedIps, listedDomains, listedHashes);
            matching += set.match(events[i]).isEmpty() ? 0 : 1;
        }
        if (indicators > 0 && matching == 0) {
            throw new IllegalStateException("no event carries an indicator: the benchmark would measure misses only");
        }
        System.out.printf("%n%d indicators: compiled in %d ms, set holds about %d MB (indicator records included: %d MB"
                        + " before compiling); %d of %d events hit%n", indicators, buildMillis, (heapAfter - heapBefore) >> 20,
                heapBefore >> 20, matching, events.length);
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String pick(SplittableRandom random, List<String> values, String otherwise) {
        return values.isEmpty() ? otherwise : values.get(random.nextInt(values.size()));
    }

    private static TelemetryEvent event(SplittableRandom random, int i, boolean listed, List<String> ips, List<String> domains,
            List<String> hashes) {
        TelemetryEvent.Builder builder = TelemetryEvent.builder().timestamp(T0.plusMillis(i))
                .origin(Origin.of("site-" + (i % 50), new EventId("agent-1", "input", i)));
        String inside = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
        String outside = listed ? pick(random, ips, "192.0.2.1")
                : (random.nextInt(223) + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
        switch (i % 4) {
            case 0 -> builder.put("event.dataset", "iptables.log").put("event.action", "deny")
                    .put("source.ip", inside).put("destination.ip", outside)
                    .put("destination.port", (long) random.nextInt(65536)).put("related.ip", List.of(inside, outside));
            case 1 -> builder.put("event.dataset", "suricata.eve").put("event.action", "dns")
                    .put("source.ip", inside).put("destination.ip", "10.0.0.53")
                    .put("dns.question.name", listed ? "cdn." + pick(random, domains, "a.example")
                            : "www" + random.nextInt(100_000) + ".site" + random.nextInt(1000) + ".vn");
            case 2 -> builder.put("event.dataset", "suricata.eve").put("event.action", "http")
                    .put("source.ip", inside).put("destination.ip", outside)
                    .put("url.domain", "portal" + random.nextInt(1000) + ".gov.vn")
                    .put("url.original", "/index.php?id=" + random.nextInt(1000)).put("url.port", 80L);
            default -> builder.put("event.dataset", "clamav.clamd").put("event.action", "detected")
                    .put("file.path", "/srv/share/f" + random.nextInt(1000) + ".exe")
                    .put("file.hash.sha256", listed ? pick(random, hashes, hex(random, 32)) : hex(random, 32));
        }
        return builder.build();
    }

    @Benchmark
    public void matchOneEvent(Blackhole sink) {
        TelemetryEvent event = events[next++ & (events.length - 1)];
        sink.consume(set.match(event));
    }
}
