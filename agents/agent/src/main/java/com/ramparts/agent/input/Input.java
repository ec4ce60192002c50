package com.ramparts.agent.input;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A source of raw records, polled by exactly one pipeline worker thread.
 *
 * <p>A <em>replayable</em> input (a file) can read its records again from a position it reported
 * by {@link #state()}: the worker persists that position with the input's next sequence number
 * only after the records before it are in the spool, so after a crash the same records come
 * back with the same sequence numbers, hence the same event ids. A live input (syslog, a
 * command's run) cannot replay; its sequence numbers are reserved ahead instead, so a crash may
 * skip some numbers but never reuses one.
 */
public interface Input extends AutoCloseable {

    String id();

    boolean replayable();

    /**
     * Starts reading (binding sockets, opening files) from a state earlier returned by
     * {@link #state()}, or from scratch when {@code state} is null.
     */
    void start(String state) throws IOException;

    /**
     * Returns up to {@code maxRecords} records, waiting at most about {@code maxWait} when none are
     * ready; may return none.
     */
    List<InputRecord> poll(int maxRecords, Duration maxWait) throws IOException, InterruptedException;

    /**
     * For a replayable input: where reading resumes after the records returned so far; null
     * before anything was read. Live inputs return null.
     */
    String state() throws IOException;

    /** Stops reading and releases files and sockets; records not yet polled are dropped. */
    @Override
    void close();
}
