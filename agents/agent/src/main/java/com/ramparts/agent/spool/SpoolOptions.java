package com.ramparts.agent.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a spool behaves.
 *
 * @param dir             where segments and the cursor live (created if absent)
 * @param maxBytes        bound on the segment files' total size; at least two segments
 * @param segmentBytes    size at which the active segment is sealed and a new one started
 * @param fsync           when appends are forced to disk
 * @param fsyncInterval   for {@link FsyncPolicy#INTERVAL}: the longest an append stays unforced
 * @param whenFull        what happens when an append would exceed {@code maxBytes}
 * @param maxPayloadBytes largest event payload accepted
 */
public record SpoolOptions(Path dir, long maxBytes, long segmentBytes, FsyncPolicy fsync, Duration fsyncInterval,
                           FullPolicy whenFull, int maxPayloadBytes) {

    public static final long MIN_SEGMENT_BYTES = 1024;

    public SpoolOptions {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(fsyncInterval, "fsyncInterval");
        Objects.requireNonNull(whenFull, "whenFull");
        if (segmentBytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segment size must be at least " + MIN_SEGMENT_BYTES + " bytes");
        }
        if (maxBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("the spool size (" + maxBytes + ") must hold at least two segments of "
                    + segmentBytes + " bytes");
        }
        if (maxPayloadBytes < 1 || (long) maxPayloadBytes + 512 > segmentBytes - SegmentFormat.SEGMENT_HEADER) {
            throw new IllegalArgumentException("the largest payload (" + maxPayloadBytes
                    + " bytes) must fit a segment of " + segmentBytes + " bytes with room to spare");
        }
    }

    public static SpoolOptions defaults(Path dir) {
        return new SpoolOptions(dir, 1L << 30, 64L << 20, FsyncPolicy.INTERVAL, Duration.ofSeconds(1),
                FullPolicy.BLOCK, (1 << 20) + 1024);
    }

    public SpoolOptions withMaxBytes(long bytes) {
        return new SpoolOptions(dir, bytes, segmentBytes, fsync, fsyncInterval, whenFull, maxPayloadBytes);
    }

    public SpoolOptions withSegmentBytes(long bytes, int maxPayload) {
        return new SpoolOptions(dir, maxBytes, bytes, fsync, fsyncInterval, whenFull, maxPayload);
    }

    public SpoolOptions withFsync(FsyncPolicy policy, Duration interval) {
        return new SpoolOptions(dir, maxBytes, segmentBytes, policy, interval, whenFull, maxPayloadBytes);
    }

    public SpoolOptions withWhenFull(FullPolicy policy) {
        return new SpoolOptions(dir, maxBytes, segmentBytes, fsync, fsyncInterval, policy, maxPayloadBytes);
    }
}
