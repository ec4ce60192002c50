/**
 * The disk spool: every event is appended here before anything tries to ship it, so a broker or
 * link outage costs disk space, not events.
 *
 * <p>Append-only segment files of length-prefixed, CRC-32C-checked records; a read cursor (the
 * first record not yet acknowledged by the shipper) persisted with {@link AtomicFile}; segments
 * deleted once every record in them is acknowledged. A torn tail left by a crash fails its CRC
 * and is truncated when the spool is opened. Bounded in size, with a visible policy when full:
 * block the inputs, or drop the oldest segment and count what was dropped.
 *
 * <p>Depends on the JDK only; knows nothing of Kafka, inputs or the event model (records are
 * opaque bytes tagged with the id of the input that produced them).
 */
package com.ramparts.agent.spool;
