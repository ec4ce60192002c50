/**
 * The telemetry event model shared by the agent, soc, the rules engine and the drill runner.
 *
 * <p>A {@link com.ramparts.telemetry.event.TelemetryEvent} has a typed core — its
 * {@link com.ramparts.telemetry.event.EventId}, {@code @timestamp}, the
 * {@link com.ramparts.telemetry.event.Origin} that fills the {@code ramparts.*} namespace and the
 * optional {@code event.original} — plus immutable {@link com.ramparts.telemetry.event.Fields}: further
 * ECS fields keyed by their dotted names. Every rule the model enforces throws
 * {@link com.ramparts.telemetry.event.InvalidEventException} naming the field and the rule.
 *
 * <p>Depends on the JDK only; wire formats live in sibling packages and depend on this one.
 */
package com.ramparts.telemetry.event;
