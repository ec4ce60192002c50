package com.ramparts.soc.site;

import java.time.Instant;

/**
 * A site an analyst marked isolated, as a response to an incident. A mark in the registry that the dashboard shows;
 * enforcing it on the site's network is the site's own job.
 */
public record SiteIsolation(String siteId, long incidentId, String isolatedBy, Instant isolatedAt, String reason) {
}
