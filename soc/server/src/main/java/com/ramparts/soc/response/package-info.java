/**
 * Response actions from an incident: revoke a certificate through pki's REST API ({@link
 * com.ramparts.soc.response.PkiRevocations}), e-mail the unit's contacts ({@link com.ramparts.soc.response.UnitNotifier}),
 * mark the incident's site isolated and release it (the site registry). {@link com.ramparts.soc.response.ResponseActions}
 * checks and records each request ({@code incident_response_action}, once per request key, so a double click acts
 * once), takes the action outside any database transaction, writes the outcome to the row and to the incident's
 * history, and publishes {@link com.ramparts.soc.incident.IncidentActionTaken} after that commit. May depend on
 * {@code config}, {@code incident}, {@code site}, JDBC, Jakarta Mail and the JDK's HTTP client.
 */
package com.ramparts.soc.response;
