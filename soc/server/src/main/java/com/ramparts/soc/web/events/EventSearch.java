package com.ramparts.soc.web.events;

import java.util.List;

/**
 * A validated search: parsed terms, time window, exact filters (null when not set) and a 1-based page.
 */
public record EventSearch(List<SearchClause> clauses, TimeWindow window, String site, String dataset, String kind,
                          int page) {
}
