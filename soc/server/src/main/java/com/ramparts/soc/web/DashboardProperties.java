package com.ramparts.soc.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The dashboard's settings, under {@code ramparts.soc.dashboard}.
 *
 * @param timeZone how times are shown and how the search form's local times are read
 * @param refreshInterval how often live panels (the overview) reload
 * @param siteOfflineAfter a site with no event at all for this long is offline (agents send a heartbeat every minute)
 * @param sourceSilentAfter an expected source with no event for this long makes its site "silent" (covers daily backups)
 * @param siteLookback how far back the sites page looks for each source's last event
 * @param maxQueryLength longest search string accepted, in characters
 */
@Validated
@ConfigurationProperties("ramparts.soc.dashboard")
public record DashboardProperties(@NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone,
                                  @NotNull @DefaultValue("10s") Duration refreshInterval,
                                  @NotNull @DefaultValue("10m") Duration siteOfflineAfter,
                                  @NotNull @DefaultValue("26h") Duration sourceSilentAfter,
                                  @NotNull @DefaultValue("30d") Duration siteLookback,
                                  @Min(16) @Max(4096) @DefaultValue("512") int maxQueryLength) {
    public DashboardProperties {
        if (refreshInterval != null && refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("refresh-interval must be at least 1s, was " + refreshInterval);
        }
    }
}
