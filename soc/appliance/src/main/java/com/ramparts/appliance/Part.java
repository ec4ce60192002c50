package com.ramparts.appliance;

import com.ramparts.runtime.process.ProcessSpec;

import java.time.Duration;
import java.util.Map;

/** One server of the appliance, run as its own process. */
interface Part {

    /** Short name: file names and the {@code logs} argument. */
    String name();

    /** What people call it. */
    String title();

    /** The ports it listens on, by the setting that changes each. */
    Map<String, Integer> ports();

    /** Writes what the part needs on disk and returns how to run it. */
    ProcessSpec prepare();

    boolean healthy();

    /** Waits until healthy; throws with the reason and the end of its log otherwise. */
    void awaitHealthy(ProcessHandle process, Duration timeout);

    /** Where people and clients reach it. */
    String endpoint();
}
