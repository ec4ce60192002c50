/**
 * The incidents REST API under {@code /api/v1/incidents} (HTTP basic): the queue with filters and paging, one
 * incident with its alerts and history, and the analyst's actions. Requesters read their own unit's incidents
 * only; errors are JSON with a stable {@code code}. May depend on {@code incident} and {@code account}.
 */
package com.ramparts.soc.incident.api;
