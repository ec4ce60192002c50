package com.ramparts.agent.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tails one file.
 *
 * @param path         the file; rotated siblings ({@code path.1}, {@code path-2026...}) are found by inode
 * @param pollInterval how often the file is checked for new data when idle
 * @param maxLineBytes longer lines are cut to this length and flagged truncated
 * @param startAtEnd   for a file seen for the first time: skip what it already holds
 */
public record FileInputConfig(String id, String format, Path path, Duration pollInterval, int maxLineBytes,
                              boolean startAtEnd, Duration silentAfter) implements InputConfig {

    @Override
    public String type() {
        return "file";
    }
}
