package com.ramparts.agent.pipeline;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ramparts.agent.config.FileInputConfig;
import com.ramparts.agent.health.InputCounters;
import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.input.file.FileTailInput;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.agent.pipeline.InputWorker.WorkerOptions;
import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.Spool;
import com.ramparts.agent.spool.SpoolOptions;
import com.ramparts.agent.testing.Events;
import com.ramparts.agent.testing.LineParser;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's crash-safety protocol, tested at its crash points: objects are abandoned without
 * close (as after kill -9) and the agent's state is reopened from disk.
 */
@Timeout(60)
class InputWorkerTest {

    private static final WorkerOptions EVERY_STEP = new WorkerOptions(4, Duration.ofMillis(10), Duration.ZERO, 5);

    @TempDir
    Path dir;

    private Path log() {
        return dir.resolve("app.log");
    }

    private Spool openSpool() throws IOException {
        return Spool.open(SpoolOptions.defaults(dir.resolve("spool")).withSegmentBytes(1 << 20, 64 * 1024)
                .withMaxBytes(64 << 20).withFsync(FsyncPolicy.ALWAYS, Duration.ofMillis(10)));
    }

    private InputWorker fileWorker(Spool spool, CheckpointStore checkpoints, InputCounters counters,
                                   RecordParser parser) throws IOException {
        FileTailInput input = new FileTailInput(new FileInputConfig("app", LineParser.FORMAT, log(),
                Duration.ofMillis(10), 64, false, Duration.ofMinutes(10)));
        InputWorker worker = new InputWorker(input, parser, new EventStamper("agent-7", "ward-03",
                Optional.of("d1-ward-03"), "app", LineParser.FORMAT, Events.JSON, 64 * 1024), spool, checkpoints,
                counters, EVERY_STEP);
        worker.open();
        return worker;
    }

    private InputWorker fileWorker(Spool spool, CheckpointStore checkpoints) throws IOException {
        return fileWorker(spool, checkpoints, new InputCounters("app", "file"), new LineParser());
    }

    private FileCheckpointStore checkpoints() throws IOException {
        return new FileCheckpointStore(dir.resolve("checkpoints"));
    }

    private void write(int from, int count) throws IOException {
        Files.writeString(log(), IntStream.range(from, from + count).mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining()), CREATE, APPEND);
    }

    /** Steps until the input has nothing more. */
    private static void drain(InputWorker worker) throws IOException, InterruptedException {
        int idle = 0;
        while (idle < 3) {
            idle = worker.step() == 0 ? idle + 1 : 0;
        }
    }

    private static List<String> expectedIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> "agent-7:app:" + i).toList();
    }

    @Test
    void eachEventIsStampedWithSiteUnitAgentInputAndAGaplessSequence() throws Exception {
        write(0, 10);
        try (Spool spool = openSpool()) {
            drain(fileWorker(spool, checkpoints()));
            List<TelemetryEvent> events = Events.inSpool(spool);
            assertThat(Events.ids(events)).isEqualTo(expectedIds(10));
            TelemetryEvent first = events.getFirst();
            assertThat(first.origin().siteId()).isEqualTo("ward-03");
            assertThat(first.origin().unitId()).hasValue("d1-ward-03");
            assertThat(first.original()).hasValue("line 0");
        }
    }

    @Test
    void badRecordsBecomePipelineErrorEventsWithTheOriginalAndTheReasonAndAreCounted() throws Exception {
        Files.writeString(log(), "ok\nfail:not my format\nboom:crashes the parser\ntwo:gives two\n"
                + "x".repeat(100) + "\n");
        InputCounters counters = new InputCounters("app", "file");
        try (Spool spool = openSpool()) {
            drain(fileWorker(spool, checkpoints(), counters, new LineParser()));
            List<TelemetryEvent> events = Events.inSpool(spool);

            assertThat(Events.ids(events)).isEqualTo(expectedIds(6));
            TelemetryEvent refused = events.get(1);
            assertThat(refused.fields().string(Ecs.EVENT_KIND)).hasValue(Ecs.Kind.PIPELINE_ERROR);
            assertThat(refused.original()).hasValue("fail:not my format");
            assertThat(refused.fields().string("error.type")).hasValue("parse");
            assertThat(refused.fields().string("error.message")).hasValue("test parser refuses lines starting with fail:");
            TelemetryEvent bug = events.get(2);
            assertThat(bug.fields().string("error.type")).hasValue("parser_failure");
            assertThat(bug.fields().string("error.message")).hasValueSatisfying(m -> assertThat(m)
                    .contains("IllegalStateException: test parser bug"));
            assertThat(Events.message(events.get(3))).isEqualTo("two:gives two");
            assertThat(Events.message(events.get(4))).isEqualTo("two:gives two");
            TelemetryEvent cut = events.get(5);
            assertThat(Events.message(cut)).hasSize(64);
            assertThat(cut.fields().string("labels.truncated")).hasValue("true");

            InputCounters.Snapshot c = counters.snapshot();
            assertThat(c.read()).isEqualTo(5);
            assertThat(c.failed()).isEqualTo(2);
            assertThat(c.parsed()).isEqualTo(4);
            assertThat(c.spooled()).isEqualTo(6);
            assertThat(c.truncated()).isEqualTo(1);
        }
    }

    @Test
    void anEventSocWouldRefuseBecomesAPipelineErrorUnderTheSameSequence() throws Exception {
        write(0, 2);
        RecordParser oversized = new RecordParser() {
            @Override
            public String format() {
                return "oversized";
            }

            @Override
            public void parse(RawRecord record, java.util.function.Consumer<TelemetryEvent.Builder> drafts) {
                drafts.accept(TelemetryEvent.builder().original(record.text()) // no timestamp: the receive time is used
                        .put(Ecs.MESSAGE, record.text().endsWith("1") ? "y".repeat(40_000) : "fine"));
            }
        };
        try (Spool spool = openSpool()) {
            drain(fileWorker(spool, checkpoints(), new InputCounters("app", "file"), oversized));
            List<TelemetryEvent> events = Events.inSpool(spool);
            assertThat(Events.ids(events)).isEqualTo(expectedIds(2));
            assertThat(events.get(0).fields().string(Ecs.MESSAGE)).hasValue("fine");
            assertThat(events.get(1).fields().string(Ecs.EVENT_KIND)).hasValue(Ecs.Kind.PIPELINE_ERROR);
            assertThat(events.get(1).fields().string("error.message")).hasValueSatisfying(m -> assertThat(m)
                    .contains("message longer than 32768"));
        }
    }

    /** A checkpoint store that dies (like the process would) on one save. */
    private static final class DyingStore implements CheckpointStore {
        private final CheckpointStore real;
        private final int dieOnSave;
        private int saves;

        DyingStore(CheckpointStore real, int dieOnSave) {
            this.real = real;
            this.dieOnSave = dieOnSave;
        }

        @Override
        public Checkpoint load(String inputId) throws IOException {
            return real.load(inputId);
        }

        @Override
        public void save(String inputId, Checkpoint checkpoint) throws IOException {
            if (++saves == dieOnSave) {
                throw new SimulatedCrash();
            }
            real.save(inputId, checkpoint);
        }
    }

    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashBetweenSpoolAppendAndCheckpointReplaysTheSameRecordsUnderTheSameIds() throws Exception {
        write(0, 10);
        Spool crashed = openSpool();
        InputWorker doomed = fileWorker(crashed, new DyingStore(checkpoints(), 2));
        doomed.step(); // lines 0-3 spooled and checkpointed
        assertThatThrownBy(doomed::step).isInstanceOf(SimulatedCrash.class); // lines 4-7 spooled, checkpoint lost
        // abandoned: no close, no final checkpoint, as after kill -9

        try (Spool spool = openSpool()) {
            drain(fileWorker(spool, checkpoints()));
            List<TelemetryEvent> events = Events.inSpool(spool);

            assertThat(new LinkedHashSet<>(Events.ids(events))).containsExactlyElementsOf(expectedIds(10));
            assertThat(events).hasSize(14); // 4-7 twice: SOC keeps one of each by id
            Map<String, String> messageById = new HashMap<>();
            for (TelemetryEvent event : events) {
                String previous = messageById.putIfAbsent(event.id().toString(), Events.message(event));
                assertThat(previous).as("a replayed id carries the same record").isIn(null, Events.message(event));
            }
        }
    }

    @Test
    void aRecordTornByACrashInsideTheSpoolWriteIsReplayedFromTheCheckpoint() throws Exception {
        write(0, 10);
        Spool crashed = openSpool();
        InputWorker doomed = fileWorker(crashed, new DyingStore(checkpoints(), 2));
        doomed.step();
        assertThatThrownBy(doomed::step).isInstanceOf(SimulatedCrash.class);
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 10); // the write of line 7's event was cut short
        }

        try (Spool spool = openSpool()) {
            assertThat(Events.ids(Events.inSpool(spool))).isEqualTo(expectedIds(7));
            drain(fileWorker(spool, checkpoints()));
            List<String> ids = Events.ids(Events.inSpool(spool));
            assertThat(new LinkedHashSet<>(ids)).containsExactlyElementsOf(expectedIds(10));
        }
    }

    @Test
    void aCleanStopCheckpointsEverythingSoARestartAddsNoDuplicate() throws Exception {
        write(0, 10);
        try (Spool spool = openSpool()) {
            InputWorker worker = fileWorker(spool, checkpoints());
            Thread thread = Thread.ofPlatform().start(worker);
            await().atMost(Duration.ofSeconds(10)).until(() -> spool.stats().pendingRecords() == 10);
            worker.stop();
            thread.join();

            write(10, 5);
            drain(fileWorker(spool, checkpoints()));
            assertThat(Events.ids(Events.inSpool(spool))).isEqualTo(expectedIds(15));
        }
    }

    @Test
    void aBatchTheSpoolRefusedIsRetriedAndNeverCheckpointedBeforeItIsIn() throws Exception {
        write(0, 6);
        Spool closed = openSpool();
        InputWorker worker = fileWorker(closed, checkpoints());
        closed.close(); // the disk refuses: here, a closed spool
        assertThatThrownBy(worker::step).isInstanceOf(IOException.class);
        worker.checkpoint(); // as on shutdown: must not claim the refused batch
        assertThat(checkpoints().load("app").nextSequence()).isZero();

        try (Spool spool = openSpool()) {
            drain(fileWorker(spool, checkpoints()));
            assertThat(Events.ids(Events.inSpool(spool))).isEqualTo(expectedIds(6));
        }
    }

    /** A live source: records handed in by the test, nothing to replay. */
    private static final class LiveInput implements Input {
        final Queue<InputRecord> queue = new ArrayDeque<>();

        @Override
        public String id() {
            return "app";
        }

        @Override
        public boolean replayable() {
            return false;
        }

        @Override
        public void start(String state) {
        }

        @Override
        public List<InputRecord> poll(int maxRecords, Duration maxWait) {
            InputRecord next = queue.poll();
            return next == null ? List.of() : List.of(next);
        }

        @Override
        public String state() {
            return null;
        }

        @Override
        public void close() {
        }

        void add(String text) {
            queue.add(new InputRecord.Raw(RawRecord.of(text, Instant.now(), "test")));
        }
    }

    private InputWorker liveWorker(Spool spool, LiveInput input) throws IOException {
        InputWorker worker = new InputWorker(input, new LineParser(), new EventStamper("agent-7", "ward-03",
                Optional.empty(), "app", LineParser.FORMAT, Events.JSON, 64 * 1024), spool, checkpoints(),
                new InputCounters("app", "syslog"), EVERY_STEP);
        worker.open();
        return worker;
    }

    @Test
    void aLiveInputThatCannotReplayNeverReusesASequenceNumberAfterACrash() throws Exception {
        Spool crashed = openSpool();
        LiveInput before = new LiveInput();
        InputWorker doomed = liveWorker(crashed, before);
        for (int i = 0; i < 7; i++) {
            before.add("before " + i);
        }
        drain(doomed); // abandoned after 7 events: its reservations (up to 10) were saved before use

        try (Spool spool = openSpool()) {
            LiveInput after = new LiveInput();
            InputWorker restarted = liveWorker(spool, after);
            after.add("after 0");
            drain(restarted);
            List<String> ids = Events.ids(Events.inSpool(spool));
            assertThat(ids).hasSize(8).doesNotHaveDuplicates();
            assertThat(ids.getLast()).isEqualTo("agent-7:app:10");
        }
    }
}
