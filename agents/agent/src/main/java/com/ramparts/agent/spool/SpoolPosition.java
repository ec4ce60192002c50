package com.ramparts.agent.spool;

/**
 * A byte position in the spool: a segment and an offset in it. Ordered by segment, then offset.
 */
public record SpoolPosition(long segment, long offset) implements Comparable<SpoolPosition> {

    @Override
    public int compareTo(SpoolPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }

    public boolean isBefore(SpoolPosition other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}
