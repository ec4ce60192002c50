/**
 * Inputs, the sources of the pipeline: each reads raw records from one place and hands them to
 * its pipeline worker through {@link com.ramparts.agent.input.Input#poll}. One sub-package per
 * kind: {@code file} (tailing with rotation and checkpoints), {@code syslog} (UDP and TCP
 * listener) and {@code command} (a program run periodically).
 *
 * <p>An input never parses product formats and never writes to the spool; what it has to drop
 * it reports through a callback. Depends on the configuration, the parser seam's
 * {@link com.ramparts.agent.parse.RawRecord} and the telemetry model.
 */
package com.ramparts.agent.input;
