/**
 * Incidents in OpenSearch: one index ({@code ramparts.soc.incident-search.index}, default {@code ramparts-incidents})
 * with an explicit mapping ({@link com.ramparts.soc.incident.search.IncidentIndex}), one document per incident
 * ({@code _id} = incident id) holding the incident, its alerts' rules and the text of its history. The
 * {@link com.ramparts.soc.incident.search.IncidentIndexer} re-reads an incident from SQL after each committed change and
 * writes it with the incident's revision as external version, so repeats and races change nothing; at start it
 * rebuilds the index from SQL when it is missing. {@link com.ramparts.soc.incident.search.IncidentSearch} answers
 * free-text queries with incidents read back from SQL. May depend on {@code incident}, {@code config} and
 * opensearch-java.
 */
package com.ramparts.soc.incident.search;
