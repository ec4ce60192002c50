/**
 * Parsers: one sub-package per product format ({@code parse.suricata}, {@code parse.iptables},
 * {@code parse.clamav}, {@code parse.restic} ...), each a {@link RecordParser} that turns the
 * product's raw records into drafts of shared ECS events. The pipeline stamps each draft with
 * its origin (site, agent, input, sequence) and turns a {@link ParseException} into a
 * {@code pipeline_error} event, so nothing is silently lost.
 *
 * <p>Depends on the telemetry model and Jackson's streaming core only; never on inputs, spool
 * or shipping.
 */
package com.ramparts.agent.parse;
