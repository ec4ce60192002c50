package com.ramparts.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SpoolTest {

    @TempDir
    Path dir;

    private SpoolOptions small() {
        // 4 KiB segments, 32 KiB in all: about 35 records per segment, 290 in all
        return SpoolOptions.defaults(dir).withSegmentBytes(4096, 2048).withMaxBytes(32 * 1024)
                .withFsync(FsyncPolicy.ALWAYS, Duration.ofMillis(100));
    }

    private static List<SpoolRecord> records(String inputId, int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> new SpoolRecord(inputId, ("event-" + i + "|" + PADDING).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** ~100-byte records: about 35 to a 4 KiB segment. */
    private static final String PADDING = "x".repeat(90);

    private static String name(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf('|'));
    }

    private static List<String> readAll(Spool spool) throws IOException {
        List<String> payloads = new ArrayList<>();
        SpoolPosition at = spool.cursor();
        while (true) {
            SpoolBatch batch = spool.read(at, 7, 1 << 20);
            if (batch.isEmpty()) {
                return payloads;
            }
            batch.entries().forEach(e -> payloads.add(name(e.payload())));
            at = batch.next();
        }
    }

    private static List<String> expected(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "event-" + i).toList();
    }

    private static void ackAll(Spool spool) throws IOException {
        SpoolBatch batch;
        while (!(batch = spool.read(spool.cursor(), 1000, 1 << 20)).isEmpty()) {
            spool.acknowledge(batch.entries());
        }
        spool.commit();
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).count();
        }
    }

    private Path lastSegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void recordsReadBackInOrderAcrossSegmentsWithTheirInput() throws IOException, InterruptedException {
        try (Spool spool = Spool.open(small())) {
            spool.append(records("eve", 0, 100));
            spool.append(records("fw", 100, 50));

            assertThat(readAll(spool)).isEqualTo(expected(0, 150));
            assertThat(spool.stats().segments()).isGreaterThan(1);
            assertThat(spool.stats().pendingRecords()).isEqualTo(150);
            SpoolBatch first = spool.read(spool.cursor(), 1, 1 << 20);
            assertThat(first.entries().getFirst().inputId()).isEqualTo("eve");
        }
    }

    @Test
    void acknowledgedSegmentsAreDeletedAndTheCursorSurvivesAReopen() throws IOException, InterruptedException {
        try (Spool spool = Spool.open(small())) {
            spool.append(records("eve", 0, 150));
            SpoolBatch batch = spool.read(spool.cursor(), 100, 1 << 20);
            spool.acknowledge(batch.entries());
            spool.commit();
            assertThat(spool.stats().pendingRecords()).isEqualTo(50);
        }
        try (Spool reopened = Spool.open(small())) {
            assertThat(readAll(reopened)).isEqualTo(expected(100, 50));
            assertThat(reopened.stats().pendingRecords()).isEqualTo(50);
            ackAll(reopened);
            assertThat(reopened.stats().pendingRecords()).isZero();
        }
        assertThat(segmentFiles()).isEqualTo(1);
    }

    @Test
    void anAbandonedSpoolReopensWithEverythingAppended() throws IOException, InterruptedException {
        // kill -9: no close, no commit; the writes are in the page cache, as after a killed process
        Spool crashed = Spool.open(small().withFsync(FsyncPolicy.NEVER, Duration.ofSeconds(1)));
        crashed.append(records("eve", 0, 120));
        crashed.acknowledge(crashed.read(crashed.cursor(), 30, 1 << 20).entries()); // acknowledged, not committed

        try (Spool reopened = Spool.open(small())) {
            assertThat(readAll(reopened)).isEqualTo(expected(0, 120)); // the uncommitted acks are simply resent
        }
    }

    @Test
    void aTornTailIsTruncatedOnOpenAndLaterAppendsReadBack() throws IOException, InterruptedException {
        try (Spool spool = Spool.open(small())) {
            spool.append(records("eve", 0, 10));
        }
        Path segment = lastSegment();
        long whole = Files.size(segment);
        try (Spool spool = Spool.open(small())) {
            spool.append(records("eve", 10, 1));
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 3); // the crash hit in the middle of record 10
        }

        try (Spool reopened = Spool.open(small())) {
            assertThat(Files.size(segment)).isEqualTo(whole);
            reopened.append(records("eve", 11, 5));
            assertThat(readAll(reopened)).isEqualTo(Stream.concat(expected(0, 10).stream(), expected(11, 5).stream())
                    .toList());
        }
    }

    @Test
    void aZeroFilledOrGarbageTailFailsItsCrcAndIsTruncated() throws IOException, InterruptedException {
        try (Spool spool = Spool.open(small())) {
            spool.append(records("eve", 0, 10));
        }
        Path segment = lastSegment();
        long whole = Files.size(segment);
        // a plausible length followed by a wrong CRC, then zeros: what a file system can leave after power loss
        Files.write(segment, new byte[] {0, 0, 0, 20, 1, 2, 3, 4, 3, 'e', 'v', 'e', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0}, java.nio.file.StandardOpenOption.APPEND);

        try (Spool reopened = Spool.open(small())) {
            assertThat(Files.size(segment)).isEqualTo(whole);
            reopened.append(records("eve", 10, 1));
            assertThat(readAll(reopened)).isEqualTo(expected(0, 11));
        }
    }

    @Test
    void corruptionInsideASealedSegmentSkipsTheRestOfItAndIsCounted() throws IOException, InterruptedException {
        try (Spool spool = Spool.open(small())) {
            spool.append(records("eve", 0, 150));
        }
        Path first;
        try (Stream<Path> files = Files.list(dir)) {
            first = files.filter(f -> f.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(first.toFile(), "rw")) {
            file.seek(file.length() - 2);
            file.write('X'); // the disk flipped a byte of the segment's last record
        }

        try (Spool reopened = Spool.open(small())) {
            List<String> read = readAll(reopened);
            assertThat(reopened.stats().corrupt()).isEqualTo(1);
            assertThat(read).hasSize(149).startsWith("event-0").endsWith("event-149");
            assertThat(expected(0, 150)).containsAll(read);
            ackAll(reopened);
            assertThat(reopened.stats().pendingRecords()).isZero();
        }
    }

    @Test
    void whenFullTheDropOldestPolicyDeletesTheOldestSegmentAndCountsPerInput() throws IOException, InterruptedException {
        Map<String, Long> dropped = new ConcurrentHashMap<>();
        try (Spool spool = Spool.open(small().withWhenFull(FullPolicy.DROP_OLDEST),
                (input, count) -> dropped.merge(input, count, Long::sum))) {
            spool.append(records("eve", 0, 800)); // ~ 3 times what fits

            SpoolStats stats = spool.stats();
            assertThat(stats.bytes()).isLessThanOrEqualTo(32 * 1024);
            assertThat(stats.dropped()).isPositive();
            assertThat(dropped).containsOnlyKeys("eve");
            assertThat(dropped.get("eve")).isEqualTo(stats.dropped());
            List<String> kept = readAll(spool);
            assertThat(kept).hasSize((int) (800 - stats.dropped())).endsWith("event-799");
            assertThat(kept).isEqualTo(expected((int) stats.dropped(), kept.size())); // the newest survive, in order
            assertThat(stats.pendingRecords()).isEqualTo(kept.size());
        }
    }

    @Test
    void whenFullTheBlockPolicyMakesAppendsWaitUntilTheShipperFreesSpace() throws Exception {
        try (Spool spool = Spool.open(small())) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread appender = Thread.ofPlatform().start(() -> {
                try {
                    spool.append(records("eve", 0, 800));
                    done.set(true);
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> spool.stats().blockedAppends() > 0
                    || spool.stats().bytes() > 28 * 1024);
            assertThat(done).isFalse();
            assertThat(spool.stats().dropped()).isZero();

            List<String> shipped = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                SpoolBatch batch = spool.read(spool.cursor(), 50, 1 << 20);
                batch.entries().forEach(e -> shipped.add(name(e.payload())));
                spool.acknowledge(batch.entries());
                spool.commit();
                return done.get() && spool.stats().pendingRecords() == 0;
            });
            appender.join();
            assertThat(failure.get()).isNull();
            assertThat(shipped).isEqualTo(expected(0, 800)); // nothing lost, nothing reordered
            assertThat(spool.stats().blockedAppends()).isPositive();
        }
    }

    @Test
    void aWaitingAppendFailsWhenTheSpoolIsClosed() throws Exception {
        Spool spool = Spool.open(small());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread appender = Thread.ofPlatform().start(() -> {
            try {
                spool.append(records("eve", 0, 800));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> spool.stats().bytes() > 28 * 1024);
        spool.close();
        appender.join();
        assertThat(failure.get()).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aPayloadOverTheLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        try (Spool spool = Spool.open(small())) {
            assertThatThrownBy(() -> spool.append(List.of(new SpoolRecord("eve", new byte[3000]))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
            assertThat(spool.stats().pendingRecords()).isZero();
        }
    }

    @Test
    void everyFsyncPolicyKeepsTheSameContent() throws IOException, InterruptedException {
        for (FsyncPolicy policy : FsyncPolicy.values()) {
            Path policyDir = dir.resolve(policy.name());
            SpoolOptions options = small().withFsync(policy, Duration.ofMillis(5));
            options = new SpoolOptions(policyDir, options.maxBytes(), options.segmentBytes(), options.fsync(),
                    options.fsyncInterval(), options.whenFull(), options.maxPayloadBytes());
            try (Spool spool = Spool.open(options)) {
                spool.append(records("eve", 0, 60));
                spool.forceIfDue();
                spool.syncIfPolicyAllows();
            }
            try (Spool reopened = Spool.open(options)) {
                assertThat(readAll(reopened)).as(policy.name()).isEqualTo(expected(0, 60));
            }
        }
    }
}
