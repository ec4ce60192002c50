package com.ramparts.soc.web.overview;

import com.ramparts.soc.web.EventQueries;
import com.ramparts.soc.web.Scope;
import com.ramparts.soc.web.sites.SiteStatus;
import com.ramparts.soc.web.sites.SiteStatusService;
import com.ramparts.telemetry.event.Ecs;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.FieldDateMath;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.util.ObjectBuilder;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** Two searches (the last hour by minute, the last day by dataset) and the sites report. */
@Service
class OverviewService {

    private static final Duration RATE_WINDOW = Duration.ofHours(1);
    private static final Duration DATASET_WINDOW = Duration.ofHours(24);

    private final OpenSearchClient client;
    private final EventQueries queries;
    private final SiteStatusService sites;
    private final Clock clock = Clock.systemUTC();

    OverviewService(OpenSearchClient client, EventQueries queries, SiteStatusService sites) {
        this.client = client;
        this.queries = queries;
        this.sites = sites;
    }

    Overview overview(Scope scope) {
        Instant now = clock.instant();
        // whole minutes, so the last bar is the current, still-filling minute and earlier bars do not shift
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant start = end.minus(RATE_WINDOW);
        SearchResponse<Void> rate = search(s -> s
                .index(queries.indexPattern()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(queries.base(scope, start, end).build()))
                .aggregations("perMinute", Aggregation.of(a -> a.dateHistogram(h -> h
                        .field(Ecs.TIMESTAMP).fixedInterval(t -> t.time("1m")).minDocCount(0)
                        .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value((double) start.toEpochMilli())))
                                .max(FieldDateMath.of(m -> m.value((double) end.toEpochMilli() - 1))))))));
        List<Overview.RatePoint> points = rate.aggregations().get("perMinute").dateHistogram().buckets().array().stream()
                .map(bucket -> new Overview.RatePoint(Instant.ofEpochMilli(bucket.key()), bucket.docCount() / 60.0))
                .toList();
        SearchResponse<Void> byDataset = search(s -> s
                .index(queries.indexPattern()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.bool(queries.base(scope, now.minus(DATASET_WINDOW), now).build()))
                .aggregations("datasets", Aggregation.of(a -> a.terms(t -> t.field(Ecs.EVENT_DATASET).size(20)))));
        var datasetAggregate = byDataset.aggregations().get("datasets");
        List<Overview.DatasetCount> datasets = datasetAggregate == null || !datasetAggregate.isSterms() ? List.of()
                : datasetAggregate.sterms().buckets().array().stream()
                        .map(bucket -> new Overview.DatasetCount(bucket.key(), bucket.docCount())).toList();
        SiteStatusService.Report report = sites.report(scope);
        long total = rate.hits().total() == null ? 0 : rate.hits().total().value();
        return new Overview(now, points, datasets, total, new Overview.SiteCounts(
                report.count(SiteStatus.State.ONLINE), report.count(SiteStatus.State.SILENT),
                report.count(SiteStatus.State.OFFLINE), report.count(SiteStatus.State.NEVER_SEEN),
                report.unregistered().size()));
    }

    private interface Request extends Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> {
    }

    private SearchResponse<Void> search(Request request) {
        try {
            return client.search(request, Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch did not answer: " + e.getMessage(), e);
        }
    }
}
