package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.soc.unit.UnitDirectory;
import com.ramparts.soc.unit.UnitSync;

import java.time.Clock;
import java.time.Instant;

/** The posture now: reads the stored state, the site registry and the synced units, and judges them. */
public class PostureService {

    private static final java.time.Duration REGISTRY_FRESHNESS = java.time.Duration.ofSeconds(30);

    private final PostureStore store;
    private final SiteRegistry sites;
    private final UnitDirectory units;
    private final UnitSync sync;
    private final PostureCalculator calculator;
    private final SocProperties.Posture settings;
    private final Clock clock;

    public PostureService(PostureStore store, SiteRegistry sites, UnitDirectory units, UnitSync sync, SocProperties.Posture settings,
                          Clock clock) {
        this.store = store;
        this.sites = sites;
        this.units = units;
        this.sync = sync;
        this.calculator = new PostureCalculator(settings);
        this.settings = settings;
        this.clock = clock;
    }

    public PosturePicture now() {
        return at(clock.instant());
    }

    PosturePicture at(Instant now) {
        if (sites.refreshedAt().isBefore(now.minus(REGISTRY_FRESHNESS))) {
            sites.refresh(); // the indexer refreshes it too; an instance without ingest must not judge an old registry
        }
        return calculator.judge(now, sites.all(), store.sites(), store.hosts(now.minus(settings.workstationLookback())), units.all());
    }

    public CityPosture city(PosturePicture picture) {
        return new CityPosture(picture.at(), picture.city(), picture.districts(), sync.status().lastSuccess());
    }

    public Instant instant() {
        return clock.instant();
    }
}
