package com.ramparts.agent.config;

import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.FullPolicy;
import com.ramparts.agent.spool.SpoolOptions;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code spool} section; see {@link SpoolOptions} for the meaning of each value. */
public record SpoolConfig(Path dir, long maxBytes, long segmentBytes, FsyncPolicy fsync, Duration fsyncInterval,
                          FullPolicy whenFull) {

    public SpoolOptions toOptions(int maxPayloadBytes) {
        return new SpoolOptions(dir, maxBytes, segmentBytes, fsync, fsyncInterval, whenFull, maxPayloadBytes);
    }
}
