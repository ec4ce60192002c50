package com.ramparts.soc.correlation;

import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;

import java.util.List;
import java.util.Optional;

/** What the correlator needs of the site registry: the registered sites and their expected sources. */
public interface SiteDirectory {

    SiteDirectory NONE = new SiteDirectory() {
        @Override
        public List<Site> all() {
            return List.of();
        }

        @Override
        public Optional<Site> find(String siteId) {
            return Optional.empty();
        }
    };

    List<Site> all();

    Optional<Site> find(String siteId);

    static SiteDirectory of(SiteRegistry registry) {
        return new SiteDirectory() {
            @Override
            public List<Site> all() {
                return registry.all();
            }

            @Override
            public Optional<Site> find(String siteId) {
                return registry.find(siteId);
            }
        };
    }
}
