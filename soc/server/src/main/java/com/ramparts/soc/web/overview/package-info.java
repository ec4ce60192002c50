/**
 * The overview page: events per second over the last hour, events by dataset over the last day and
 * sites online/silent/offline, refreshed by htmx polling; the posture, incident and alert panels say
 * which capability brings them. May depend on {@code web}, {@code web.sites} and opensearch-java.
 */
package com.ramparts.soc.web.overview;
