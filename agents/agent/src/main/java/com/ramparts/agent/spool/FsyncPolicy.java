package com.ramparts.agent.spool;

/** When appended records are forced to disk. */
public enum FsyncPolicy {
    /** after every append: nothing acknowledged to an input is lost even on power loss; slowest */
    ALWAYS,
    /** at most every {@code fsync_interval}, and always before an input checkpoint is written */
    INTERVAL,
    /**
     * never explicitly: survives a killed process (data is in the page cache) but not a power loss.
     * Input checkpoints may then run ahead of what is on disk.
     */
    NEVER
}
