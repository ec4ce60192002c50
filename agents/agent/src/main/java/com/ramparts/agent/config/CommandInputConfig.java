package com.ramparts.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * Runs a command periodically (directly, without a shell) and feeds its output to the parser.
 *
 * @param command        the program and its arguments
 * @param interval       time between the starts of two runs; the first run is at start-up
 * @param timeout        a run still going after this is killed and reported as failed
 * @param maxOutputBytes output beyond this is discarded and the record flagged truncated
 * @param wholeOutput    true: the whole output is one record (a JSON document); false: one record per line
 */
public record CommandInputConfig(String id, String format, List<String> command, Duration interval, Duration timeout,
                                 int maxOutputBytes, boolean wholeOutput, Duration silentAfter)
        implements InputConfig {

    @Override
    public String type() {
        return "command";
    }
}
