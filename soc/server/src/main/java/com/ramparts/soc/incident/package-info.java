/**
 * Incidents: the consumer of {@code soc.alerts} ({@link com.ramparts.soc.incident.IncidentConsumer}, its own
 * consumer group, at least once) stores each alert once by id and groups it into an incident by site, host,
 * related rules and drill exercise within a window ({@link com.ramparts.soc.incident.Grouping}); repeats are
 * counted on the incident, not raised again. {@link com.ramparts.soc.incident.Incidents} runs the lifecycle
 * ({@link com.ramparts.soc.incident.IncidentStatus}), owner, notes, the acknowledgement SLA
 * ({@link com.ramparts.soc.incident.Sla}) and the history, over SQL ({@link com.ramparts.soc.incident.IncidentStore}).
 * A group has at most one current open incident across soc instances ({@code incident_open_group}: the loser of a race
 * joins the winner's incident); every committed change is announced to a listener (the search index, subpackage
 * {@code search}).
 * May depend on {@code config}, {@code account}, the alert format of {@code correlation.alert}, Kafka clients and JDBC.
 */
package com.ramparts.soc.incident;
