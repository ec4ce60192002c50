package com.ramparts.soc.web.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One page of a search, with the histogram of every match and the datasets and kinds seen.
 *
 * @param total number of matching events (exact up to OpenSearch's tracking limit)
 */
public record EventResults(long total, List<EventRow> events, List<Bucket> histogram, Duration interval,
                           List<String> datasets, List<String> kinds, int page, int pageSize) {

    public int lastPage() {
        long pages = (total + pageSize - 1) / pageSize;
        return (int) Math.max(1, Math.min(pages, EventSearchForm.LAST_PAGE));
    }

    public boolean hasNext() {
        return page < lastPage();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** One histogram bar: events whose time falls in {@code [start, start + interval)}. */
    public record Bucket(Instant start, long count) {
    }

    /** An event as the result table shows it. */
    public record EventRow(String id, Instant timestamp, String siteId, String unitId, String dataset, String kind,
                           String summary, String source, String destination) {
    }
}
