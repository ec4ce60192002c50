package com.ramparts.agent.parse;

import com.ramparts.telemetry.event.TelemetryEvent;

import java.util.function.Consumer;

/**
 * Turns one product's raw records into event drafts. One instance per input, so a parser may keep
 * state across records (a clamscan summary block, a restic JSON stream); it need not be
 * thread-safe.
 *
 * <p>A draft is a {@link TelemetryEvent.Builder} with timestamp, {@code event.original} and ECS
 * fields set but no origin: the pipeline sets site, agent, input and sequence. A record may give
 * zero drafts (a progress line nobody needs), one, or several.
 */
public interface RecordParser {

    /** The format name used in configuration and by {@code ramparts-agent parse --type}, e.g. {@code suricata-eve}. */
    String format();

    /**
     * @throws ParseException if the record is not what this format looks like; the reason names
     *                        what was expected
     */
    void parse(RawRecord record, Consumer<TelemetryEvent.Builder> drafts) throws ParseException;
}
