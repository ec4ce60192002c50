package com.ramparts.soc.web.sites;

import com.ramparts.soc.site.Site;

import java.time.Instant;
import java.util.List;

/**
 * A site as the dashboard reports it.
 *
 * @param lastEvent its newest event within the look-back, null if none
 */
public record SiteStatus(Site site, State state, Instant lastEvent, List<SourceStatus> sources) {

    /** How a site is doing, worst last. */
    public enum State {
        /** sent something recently, and every expected source within its silence limit */
        ONLINE,
        /** sends, but at least one expected source has gone quiet */
        SILENT,
        /** nothing at all recently */
        OFFLINE,
        /** nothing within the look-back: never connected, or long gone */
        NEVER_SEEN
    }

    /**
     * One dataset of the site.
     *
     * @param expected whether the registry says the site should send it
     * @param silent expected, and nothing from it within the silence limit
     */
    public record SourceStatus(String dataset, boolean expected, Instant lastEvent, boolean silent) {
    }
}
