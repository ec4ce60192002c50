package com.ramparts.agent.input.command;

import com.ramparts.agent.config.CommandInputConfig;
import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.parse.RawRecord;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code command} input. Live: a run's output cannot be read again after a crash. */
public final class CommandInput implements Input {

    private static final Logger log = LoggerFactory.getLogger(CommandInput.class);
    private static final int MAX_STDERR_BYTES = 4096;

    private final CommandInputConfig config;
    private final String source;
    private long nextRunNanos;

    public CommandInput(CommandInputConfig config) {
        this.config = config;
        this.source = "command:" + config.command().getFirst();
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public boolean replayable() {
        return false;
    }

    @Override
    public void start(String state) {
        nextRunNanos = System.nanoTime();
    }

    @Override
    public List<InputRecord> poll(int maxRecords, Duration maxWait) throws InterruptedException {
        long wait = nextRunNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, maxWait.toNanos()));
            return List.of();
        }
        nextRunNanos = System.nanoTime() + config.interval().toNanos();
        return run();
    }

    /** Runs the command once and returns its records (and a failure record if it failed). */
    List<InputRecord> run() throws InterruptedException {
        Instant startedAt = Instant.now();
        Process process;
        try {
            process = new ProcessBuilder(config.command()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            log.warn("event=command_start_failed input={} command={} error=\"{}\"", config.id(), config.command(),
                    e.getMessage());
            return List.of(new InputRecord.Failed(RawRecord.of(String.join(" ", config.command()), startedAt, source),
                    "cannot start " + config.command().getFirst() + ": " + e.getMessage()));
        }
        Capture stdout = Capture.start(process.getInputStream(), config.maxOutputBytes());
        Capture stderr = Capture.start(process.getErrorStream(), MAX_STDERR_BYTES);
        boolean finished = process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        stdout.join();
        stderr.join();
        List<InputRecord> records = new ArrayList<>(records(stdout, startedAt));
        String failure = !finished ? "timed out after " + config.timeout().toMillis() + " ms and was killed"
                : process.exitValue() != 0 ? "exited with status " + process.exitValue() : null;
        if (failure != null) {
            String errors = stderr.text().strip();
            log.warn("event=command_failed input={} command={} reason=\"{}\"", config.id(), config.command(), failure);
            records.add(new InputRecord.Failed(new RawRecord(errors, startedAt, source, stderr.truncated()),
                    String.join(" ", config.command()) + " " + failure
                            + (errors.isEmpty() ? "" : ": " + errors.lines().findFirst().orElse(""))));
        }
        return records;
    }

    private List<InputRecord> records(Capture stdout, Instant at) {
        String text = stdout.text();
        if (config.wholeOutput()) {
            return text.isBlank() ? List.of() : List.of(new InputRecord.Raw(new RawRecord(text, at, source,
                    stdout.truncated())));
        }
        List<InputRecord> records = new ArrayList<>();
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        for (int i = 0; i < lines.size(); i++) {
            boolean cut = stdout.truncated() && i == lines.size() - 1;
            records.add(new InputRecord.Raw(new RawRecord(lines.get(i), at, source, cut)));
        }
        return records;
    }

    @Override
    public String state() {
        return null;
    }

    @Override
    public void close() {
        // nothing held between runs
    }

    /** Reads a stream to its end on a virtual thread, keeping the first {@code max} bytes. */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int max;
        private final Thread thread;
        private boolean truncated;

        private Capture(InputStream in, int max) {
            this.max = max;
            this.thread = Thread.ofVirtual().start(() -> drain(in));
        }

        static Capture start(InputStream in, int max) {
            return new Capture(in, max);
        }

        private void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int keep = Math.min(n, max - kept.size());
                    if (keep > 0) {
                        kept.write(buffer, 0, keep);
                    }
                    if (keep < n) {
                        truncated = true; // keep reading: a child blocked on a full pipe would never exit
                    }
                }
            } catch (IOException e) {
                // the process was killed or closed its end
            }
        }

        void join() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }

        /** After {@link #join()}, which makes the reader's writes visible. */
        String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        boolean truncated() {
            return truncated;
        }
    }
}
