/**
 * The events page and its API: a small, safe query language ({@link com.ramparts.soc.web.events.EventQueryParser})
 * turned into OpenSearch queries with the opensearch-java builders (user input is only ever a value,
 * never query syntax), a time window, field filters, a histogram, paged results and an event's full
 * document. A requester sees only its unit's events, whatever it types. May depend on {@code web},
 * {@code index} (field types), {@code site} (the filter's site list) and opensearch-java.
 */
package com.ramparts.soc.web.events;
