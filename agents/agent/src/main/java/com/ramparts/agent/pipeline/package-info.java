/**
 * The pipeline: for each input one {@link com.ramparts.agent.pipeline.InputWorker} thread polls
 * the input, runs the parser, stamps each event's origin (site, unit, agent, input, sequence),
 * appends the events to the spool and checkpoints the input; {@link com.ramparts.agent.pipeline.Agent}
 * wires inputs, spool, shipper and heartbeat into a running agent.
 *
 * <p>The crash-safety protocol (docs/agent.md, "Delivery guarantees"): append to the spool, force
 * it as the fsync policy allows, then write the input checkpoint (position and next sequence,
 * atomically). A crash before the checkpoint replays the same records with the same sequence
 * numbers (same event ids, which SOC deduplicates); a checkpoint never runs ahead of the spool.
 * Live inputs reserve sequence numbers ahead, so a number is never used for two events.
 *
 * <p>Parsers are looked up by format name through a {@code Function<String, RecordParser>}
 * supplied by whoever assembles the agent.
 */
package com.ramparts.agent.pipeline;
