package com.ramparts.soc.index;

import java.time.Duration;

/**
 * How the caller waits before a retry. The Kafka consumer waits by polling with its partitions
 * paused, which keeps it in its group without fetching more; tests may simply sleep.
 */
@FunctionalInterface
public interface RetryPause {

    /** @return false when the caller is stopping and the retry should be abandoned */
    boolean pause(Duration duration);
}
