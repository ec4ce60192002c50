package com.ramparts.agent.spool;

/** What the spool does when an append would exceed its size bound. */
public enum FullPolicy {
    /** the appending input waits until the shipper frees space: nothing is lost, inputs fall behind */
    BLOCK,
    /** the oldest segment is deleted, shipped or not, and its records are counted as dropped */
    DROP_OLDEST
}
