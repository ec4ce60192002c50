package com.ramparts.soc.web.overview;

import java.time.Instant;
import java.util.List;

/**
 * What the overview shows, as of {@code at}.
 *
 * @param rate events per second, per minute of the last hour
 * @param datasets events per dataset in the last 24 hours, largest first
 */
public record Overview(Instant at, List<RatePoint> rate, List<DatasetCount> datasets, long eventsLastHour,
                       SiteCounts sites) {

    public record RatePoint(Instant minute, double perSecond) {
    }

    public record DatasetCount(String dataset, long count) {
    }

    public record SiteCounts(long online, long silent, long offline, long neverSeen, long unregistered) {
    }
}
