package com.ramparts.soc.web.events;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The search form (and the API's query parameters) as submitted; {@link #validate} turns it into
 * an {@link EventSearch} or refuses it.
 */
public record EventSearchForm(String q, String range, String from, String to, String site, String dataset,
                              String kind, Integer page) {

    static final int PAGE_SIZE = 50;
    /** OpenSearch's index.max_result_window (10 000) divided by the page size. */
    static final int LAST_PAGE = 10_000 / PAGE_SIZE;
    private static final Pattern FILTER_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public static EventSearchForm empty() {
        return new EventSearchForm(null, null, null, null, null, null, null, null);
    }

    public EventSearch validate(EventQueryParser parser, ZoneId zone, Instant now) {
        int pageNumber = page == null ? 1 : page;
        if (pageNumber < 1 || pageNumber > LAST_PAGE) {
            throw new BadSearchException("search.error.page", LAST_PAGE);
        }
        return new EventSearch(parser.parse(q), TimeWindow.of(range, from, to, zone, now),
                filter("site", site), filter("dataset", dataset), filter("kind", kind), pageNumber);
    }

    private static String filter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!FILTER_VALUE.matcher(value).matches()) {
            throw new BadSearchException("search.error.filter", name);
        }
        return value;
    }

    /** The form's values for the next page's link; null-safe for templates. */
    public String qOrEmpty() {
        return q == null ? "" : q;
    }

    public String rangeOrDefault() {
        return range == null || range.isBlank() ? TimeWindow.DEFAULT_RANGE : range;
    }

    public int pageOrFirst() {
        return page == null ? 1 : page;
    }
}
