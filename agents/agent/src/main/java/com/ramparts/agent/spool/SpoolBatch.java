package com.ramparts.agent.spool;

import java.util.List;

/**
 * Records read from the spool, and where the next read should start (past these records, or past
 * segments that turned out to hold nothing more).
 */
public record SpoolBatch(List<SpoolEntry> entries, SpoolPosition next) {

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
