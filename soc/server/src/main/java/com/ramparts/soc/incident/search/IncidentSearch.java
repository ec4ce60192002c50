package com.ramparts.soc.incident.search;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.incident.Incident;
import com.ramparts.soc.incident.IncidentException;
import com.ramparts.soc.incident.IncidentFilter;
import com.ramparts.soc.incident.IncidentPage;
import com.ramparts.soc.incident.Incidents;

import java.io.IOException;
import java.util.List;

/**
 * Free-text search over incidents: OpenSearch finds and ranks, SQL answers (so what is shown is current, and an
 * incident indexed but since changed shows as it is now). Text is handed to {@code simple_query_string}, which has no
 * syntax errors and runs no scripts; it is bounded in length and may not contain control characters.
 */
public class IncidentSearch {

    public static final int MAX_TEXT = 200;
    /** OpenSearch's index.max_result_window. */
    private static final int MAX_WINDOW = 10_000;

    private final IncidentIndex index;
    private final Incidents incidents;
    private final SocProperties.IncidentSearch settings;

    public IncidentSearch(IncidentIndex index, Incidents incidents, SocProperties.IncidentSearch settings) {
        this.index = index;
        this.incidents = incidents;
        this.settings = settings;
    }

    public IncidentPage search(String text, IncidentFilter filter) {
        String query = check(text);
        if ((long) (filter.page() + 1) * filter.size() > MAX_WINDOW) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
                    "search results go to the first " + MAX_WINDOW + "; narrow the search");
        }
        if (!settings.enabled()) {
            throw new IncidentException(IncidentException.Code.SEARCH_UNAVAILABLE, "incident search is switched off");
        }
        IncidentIndex.Hits hits;
        try {
            hits = index.search(query, filter.status() == null ? null : filter.status().wire(), filter.severity(),
                    filter.siteId(), filter.unitId(), filter.page() * filter.size(), filter.size());
        } catch (IOException | RuntimeException e) {
            throw new IncidentException(IncidentException.Code.SEARCH_UNAVAILABLE,
                    "OpenSearch did not answer the search: " + e.getClass().getSimpleName());
        }
        List<Incident> items = incidents.findAll(hits.ids());
        return new IncidentPage(items, hits.total(), filter.page(), filter.size());
    }

    static String check(String text) {
        if (text == null || text.isBlank()) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "the search text is empty");
        }
        String query = text.strip();
        if (query.length() > MAX_TEXT) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
                    "the search text is at most " + MAX_TEXT + " characters, was " + query.length());
        }
        if (query.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "the search text may not contain control characters");
        }
        return query;
    }
}
