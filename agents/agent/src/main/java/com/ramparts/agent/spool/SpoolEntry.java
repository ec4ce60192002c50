package com.ramparts.agent.spool;

/**
 * One record read back from the spool.
 *
 * @param position where the record starts
 * @param next     where the record after it starts: acknowledging this entry moves the cursor here
 * @param inputId  the input that produced it
 * @param payload  the event bytes
 */
public record SpoolEntry(SpoolPosition position, SpoolPosition next, String inputId, byte[] payload) {
}
