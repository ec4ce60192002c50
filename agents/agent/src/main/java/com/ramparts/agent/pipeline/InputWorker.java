package com.ramparts.agent.pipeline;

import com.ramparts.agent.health.InputCounters;
import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.agent.pipeline.EventStamper.ErrorType;
import com.ramparts.agent.ship.Backoff;
import com.ramparts.agent.spool.Spool;
import com.ramparts.agent.spool.SpoolRecord;
import com.ramparts.telemetry.event.InvalidEventException;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one input's records into the spool: poll, parse, stamp, append, checkpoint. One thread
 * per input, so a slow or flooding input delays only itself.
 *
 * <p>The order of effects is what makes a crash harmless:
 * <ol>
 *   <li>sequence numbers are assigned in record order from the checkpointed next sequence;</li>
 *   <li>the batch is appended to the spool (retried, never re-polled, until it succeeds);</li>
 *   <li>the spool is forced as its fsync policy allows;</li>
 *   <li>only then is the checkpoint (input position + next sequence) replaced atomically.</li>
 * </ol>
 * A crash before 4 restarts from the previous checkpoint: a replayable input reads the same
 * records again and they get the same sequence numbers, so the same event ids. A live input
 * cannot replay; before it uses a sequence number it has durably reserved a block beyond it, so
 * after a crash it continues past the block and never reuses an id.
 */
public final class InputWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(InputWorker.class);

    private final Input input;
    private final RecordParser parser;
    private final EventStamper stamper;
    private final Spool spool;
    private final CheckpointStore checkpoints;
    private final InputCounters counters;
    private final WorkerOptions options;

    private long next;
    private long reservedUntil;
    private boolean opened;
    private List<SpoolRecord> unspooled;
    private String unspooledState;
    private String spooledState;
    private long spooledNext;
    private boolean checkpointDue;
    private long lastCheckpointNanos = System.nanoTime();
    private volatile boolean running = true;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private String lastProblem;

    /**
     * Batching and checkpoint pacing.
     *
     * @param maxBatch           records per poll
     * @param pollWait           longest a poll waits for records
     * @param checkpointInterval longest a replayable input's checkpoint lags behind the spool
     * @param reserveBlock       sequence numbers a live input reserves at a time
     */
    public record WorkerOptions(int maxBatch, Duration pollWait, Duration checkpointInterval, int reserveBlock) {
        public static final WorkerOptions DEFAULTS =
                new WorkerOptions(500, Duration.ofMillis(200), Duration.ofSeconds(1), 10_000);
    }

    /** @param parser null for an input that only yields {@link InputRecord.Ready} drafts */
    public InputWorker(Input input, RecordParser parser, EventStamper stamper, Spool spool,
                       CheckpointStore checkpoints, InputCounters counters, WorkerOptions options) {
        this.input = Objects.requireNonNull(input, "input");
        this.parser = parser;
        this.stamper = Objects.requireNonNull(stamper, "stamper");
        this.spool = Objects.requireNonNull(spool, "spool");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.options = Objects.requireNonNull(options, "options");
    }

    public String inputId() {
        return input.id();
    }

    /** Loads the checkpoint and starts the input there. */
    public void open() throws IOException {
        Checkpoint checkpoint = checkpoints.load(input.id());
        next = checkpoint.nextSequence();
        reservedUntil = next;
        spooledNext = next;
        spooledState = checkpoint.state();
        input.start(input.replayable() ? checkpoint.state() : null);
        opened = true;
        log.info("event=input_started input={} replayable={} next_sequence={} state=\"{}\"", input.id(),
                input.replayable(), next, checkpoint.state() == null ? "" : checkpoint.state());
    }

    /**
     * One attempt at {@link #open()} from the caller's thread, so that an input is listening or
     * holds its file when the agent's start returns; a failure is logged and {@link #run()} retries.
     *
     * @return whether the input is open
     */
    public boolean tryOpen() {
        try {
            open();
        } catch (IOException | RuntimeException e) {
            problem("input_start_failed", e);
        }
        return opened;
    }

    /**
     * One round: a pending batch is appended first; otherwise the input is polled and what it
     * gave is parsed, stamped and appended. Then the checkpoint is written if it is due.
     *
     * @return the number of records handled
     */
    public int step() throws IOException, InterruptedException {
        int handled = 0;
        if (unspooled == null) {
            List<InputRecord> records = input.poll(options.maxBatch(), options.pollWait());
            if (!records.isEmpty()) {
                List<SpoolRecord> batch = new ArrayList<>(records.size());
                for (InputRecord record : records) {
                    process(record, batch);
                }
                unspooled = batch;
                unspooledState = input.replayable() ? input.state() : null;
                handled = records.size();
            }
        }
        if (unspooled != null) {
            spool.append(unspooled); // may wait for space; a failure leaves the batch to retry, not re-poll
            counters.spooled(unspooled.size());
            unspooled = null;
            spooledState = unspooledState; // only now may a checkpoint claim these records
            spooledNext = next;
            checkpointDue = true;
        }
        if (checkpointDue && input.replayable()
                && System.nanoTime() - lastCheckpointNanos >= options.checkpointInterval().toNanos()) {
            checkpoint();
        }
        return handled;
    }

    private void process(InputRecord record, List<SpoolRecord> batch) throws IOException {
        switch (record) {
            case InputRecord.Raw raw -> {
                countRead(raw.raw());
                parse(raw, batch);
            }
            case InputRecord.Failed failed -> {
                countRead(failed.raw());
                counters.failed();
                batch.add(spoolRecord(stamper.error(failed.raw(), ErrorType.INPUT, failed.reason(), sequence())));
            }
            case InputRecord.Ready ready -> batch.add(spoolRecord(stamper.stamp(ready.draft(), sequence(), null)));
        }
    }

    private void countRead(RawRecord raw) {
        counters.read(raw.receivedAt());
        if (raw.truncated()) {
            counters.truncated();
        }
    }

    private void parse(InputRecord.Raw record, List<SpoolRecord> batch) throws IOException {
        RawRecord raw = record.raw();
        List<TelemetryEvent.Builder> drafts = new ArrayList<>(1);
        ErrorType errorType = null;
        String reason = null;
        try {
            parser.parse(raw, drafts::add);
        } catch (ParseException e) {
            errorType = ErrorType.PARSE;
            reason = e.reason();
        } catch (RuntimeException | StackOverflowError e) {
            errorType = ErrorType.PARSER_FAILURE;
            reason = "parser " + parser.format() + " failed: " + e;
        }
        if (errorType != null) {
            counters.failed();
            batch.add(spoolRecord(stamper.error(raw, errorType, reason, sequence())));
            return;
        }
        counters.parsed(drafts.size());
        for (TelemetryEvent.Builder draft : drafts) {
            try {
                record.decoration().apply(draft);
            } catch (InvalidEventException e) {
                log.debug("event=decoration_skipped input={} reason={}", input.id(), e.getMessage());
            }
            batch.add(spoolRecord(stamper.stamp(draft, sequence(), raw)));
        }
    }

    private long sequence() throws IOException {
        if (!input.replayable() && next >= reservedUntil) {
            reservedUntil = next + options.reserveBlock();
            checkpoints.save(input.id(), new Checkpoint(reservedUntil, null)); // durable before the number is used
        }
        return next++;
    }

    private SpoolRecord spoolRecord(byte[] payload) {
        return new SpoolRecord(input.id(), payload);
    }

    /**
     * Persists what is in the spool: forces the spool first, so the checkpoint never claims
     * records the disk does not hold.
     */
    public void checkpoint() throws IOException {
        checkpoint(false);
    }

    /** @param last no sequence number will be used after this: a live input may give back its reservation */
    private void checkpoint(boolean last) throws IOException {
        if (!opened) {
            return;
        }
        spool.syncIfPolicyAllows();
        long savedNext = input.replayable() || last ? spooledNext : reservedUntil;
        checkpoints.save(input.id(), new Checkpoint(savedNext, input.replayable() ? spooledState : null));
        checkpointDue = false;
        lastCheckpointNanos = System.nanoTime();
    }

    /** Runs until {@link #stop()} or interruption, surviving input and disk errors with backoff. */
    @Override
    public void run() {
        try {
            while (running && !opened) {
                try {
                    open();
                } catch (IOException | RuntimeException e) {
                    problem("input_start_failed", e);
                    backoff.pause();
                }
            }
            while (running) {
                try {
                    step();
                    backoff.reset();
                    lastProblem = null;
                } catch (IOException | RuntimeException e) {
                    problem("input_failed", e);
                    backoff.pause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void finish() {
        if (unspooled != null) {
            long lost = input.replayable() ? 0 : unspooled.size();
            log.warn("event=input_stopped_with_unspooled_batch input={} records={} replayed_on_restart={}",
                    input.id(), unspooled.size(), input.replayable());
            counters.dropped(lost);
        }
        try {
            checkpoint(true);
        } catch (IOException | RuntimeException e) {
            log.error("event=checkpoint_failed input={} error=\"{}\"", input.id(), e.toString());
        }
        input.close();
        log.info("event=input_stopped input={} next_sequence={}", input.id(), spooledNext);
    }

    private void problem(String event, Exception e) {
        String text = e.toString();
        if (!text.equals(lastProblem)) {
            log.warn("event={} input={} error=\"{}\" action=retry_with_backoff", event, input.id(), text);
            lastProblem = text;
        }
    }

    /** Asks {@link #run()} to finish its current round, checkpoint and return. */
    public void stop() {
        running = false;
        backoff.cancel();
    }
}
