package com.ramparts.soc.web.sites;

import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.soc.web.DashboardProperties;
import com.ramparts.soc.web.EventQueries;
import com.ramparts.soc.web.Scope;
import com.ramparts.telemetry.event.Ecs;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each visible site's last event per dataset, in one search: terms on {@code ramparts.site_id}, terms on
 * {@code event.dataset} inside, max {@code @timestamp} inside that, over the look-back window.
 */
@Service
public class SiteStatusService {

    /** More than any city has sites; OpenSearch's search.max_buckets (65 535) bounds sites x datasets. */
    private static final int MAX_SITES = 5_000;
    private static final int MAX_DATASETS_PER_SITE = 12;

    private final OpenSearchClient client;
    private final EventQueries queries;
    private final SiteRegistry registry;
    private final DashboardProperties properties;
    private final Clock clock = Clock.systemUTC();

    SiteStatusService(OpenSearchClient client, EventQueries queries, SiteRegistry registry, DashboardProperties properties) {
        this.client = client;
        this.queries = queries;
        this.registry = registry;
        this.properties = properties;
    }

    /** The registered sites the scope may see, and the ids of sites that send but are not registered (unscoped viewers only). */
    public Report report(Scope scope) {
        Instant now = clock.instant();
        Map<String, Map<String, Instant>> seen = lastEvents(scope, now);
        List<SiteStatus> sites = new ArrayList<>();
        for (Site site : registry.all()) {
            if (scope.includes(site.unitId())) {
                sites.add(status(site, seen.getOrDefault(site.siteId(), Map.of()), now));
            }
        }
        TreeSet<String> unregistered = new TreeSet<>(seen.keySet());
        registry.all().forEach(site -> unregistered.remove(site.siteId()));
        return new Report(sites, scope.limited() ? List.of() : List.copyOf(unregistered), now);
    }

    /** @param unregistered site ids found in events that the registry does not know */
    public record Report(List<SiteStatus> sites, List<String> unregistered, Instant at) {

        public long count(SiteStatus.State state) {
            return sites.stream().filter(site -> site.state() == state).count();
        }

        /** For templates: {@code count('ONLINE')}. */
        public long count(String state) {
            return count(SiteStatus.State.valueOf(state));
        }
    }

    SiteStatus status(Site site, Map<String, Instant> lastByDataset, Instant now) {
        Instant onlineSince = now.minus(properties.siteOfflineAfter());
        Instant sourceSince = now.minus(properties.sourceSilentAfter());
        Map<String, SiteStatus.SourceStatus> sources = new TreeMap<>();
        for (String dataset : site.expectedSources()) {
            Instant last = lastByDataset.get(dataset);
            sources.put(dataset, new SiteStatus.SourceStatus(dataset, true, last, last == null || last.isBefore(sourceSince)));
        }
        lastByDataset.forEach((dataset, last) -> sources.putIfAbsent(dataset, new SiteStatus.SourceStatus(dataset, false, last, false)));
        Instant lastEvent = lastByDataset.values().stream().max(Comparator.naturalOrder()).orElse(null);
        SiteStatus.State state;
        if (lastEvent == null) {
            state = SiteStatus.State.NEVER_SEEN;
        } else if (lastEvent.isBefore(onlineSince)) {
            state = SiteStatus.State.OFFLINE;
        } else if (sources.values().stream().anyMatch(SiteStatus.SourceStatus::silent)) {
            state = SiteStatus.State.SILENT;
        } else {
            state = SiteStatus.State.ONLINE;
        }
        return new SiteStatus(site, state, lastEvent, List.copyOf(sources.values()));
    }

    private Map<String, Map<String, Instant>> lastEvents(Scope scope, Instant now) {
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s
                    .index(queries.indexPattern())
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(0)
                    .query(q -> q.bool(queries.base(scope, now.minus(properties.siteLookback()), now.plusSeconds(300)).build()))
                    .aggregations("sites", Aggregation.of(a -> a
                            .terms(t -> t.field(Ecs.RAMPARTS_SITE_ID).size(MAX_SITES))
                            .aggregations("datasets", Aggregation.of(d -> d
                                    .terms(t -> t.field(Ecs.EVENT_DATASET).size(MAX_DATASETS_PER_SITE).missing(FieldValue.of("unknown")))
                                    .aggregations("last", Aggregation.of(m -> m.max(x -> x.field(Ecs.TIMESTAMP)))))))),
                    Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch did not answer: " + e.getMessage(), e);
        }
        Map<String, Map<String, Instant>> seen = new HashMap<>();
        Aggregate sites = response.aggregations().get("sites");
        if (sites == null || !sites.isSterms()) {
            return seen;
        }
        for (StringTermsBucket site : sites.sterms().buckets().array()) {
            Map<String, Instant> datasets = new HashMap<>();
            Aggregate inner = site.aggregations().get("datasets");
            if (inner != null && inner.isSterms()) {
                for (StringTermsBucket dataset : inner.sterms().buckets().array()) {
                    Double max = dataset.aggregations().get("last").max().value();
                    if (max != null && !max.isInfinite() && !max.isNaN()) {
                        datasets.put(dataset.key(), Instant.ofEpochMilli(max.longValue()));
                    }
                }
            }
            seen.put(site.key(), datasets);
        }
        return seen;
    }
}
