package com.ramparts.soc.web.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ramparts.soc.index.EventMapping;
import com.ramparts.soc.index.EventMapping.MappedType;
import com.ramparts.soc.web.EventQueries;
import com.ramparts.soc.web.Scope;
import com.ramparts.telemetry.event.Ecs;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.FieldDateMath;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Runs validated searches against the event indices, always inside the viewer's scope. */
@Service
public class EventSearchService {

    /**
     * Where free text is looked for. {@code event.original} is stored but not indexed (see the index
     * mapping), so free text matches {@code message} by words and these keyword fields exactly.
     */
    static final List<String> FREE_TEXT_FIELDS = List.of(Ecs.MESSAGE, Ecs.RULE_NAME, Ecs.EVENT_ACTION, Ecs.HOST_NAME,
            Ecs.USER_NAME, Ecs.FILE_NAME, Ecs.FILE_PATH, Ecs.PROCESS_NAME, Ecs.URL_DOMAIN, Ecs.DNS_QUESTION_NAME,
            Ecs.OBSERVER_NAME, Ecs.RAMPARTS_SITE_ID, Ecs.SOURCE_IP, Ecs.DESTINATION_IP, Ecs.EVENT_CODE);
    private static final Pattern EVENT_ID = Pattern.compile("[\\p{Graph}]{1,512}");
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final OpenSearchClient client;
    private final EventQueries queries;

    EventSearchService(OpenSearchClient client, EventQueries queries) {
        this.client = client;
        this.queries = queries;
        FREE_TEXT_FIELDS.forEach(field -> {
            if (!EventMapping.fields().containsKey(field)) {
                throw new IllegalStateException("free-text field " + field + " is not in the event mapping");
            }
        });
    }

    public EventResults search(Scope scope, EventSearch search) {
        BoolQuery.Builder bool = queries.base(scope, search.window().from(), search.window().to());
        exact(bool, Ecs.RAMPARTS_SITE_ID, search.site());
        exact(bool, Ecs.EVENT_DATASET, search.dataset());
        exact(bool, Ecs.EVENT_KIND, search.kind());
        search.clauses().forEach(clause -> add(bool, clause));
        Query query = Query.of(q -> q.bool(bool.build()));
        Duration interval = search.window().interval();
        int from = (search.page() - 1) * EventSearchForm.PAGE_SIZE;
        SearchResponse<ObjectNode> response = run(() -> client.search(s -> s
                .index(queries.indexPattern())
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .query(query)
                .from(from)
                .size(EventSearchForm.PAGE_SIZE)
                .trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(f -> f.field(Ecs.TIMESTAMP).order(SortOrder.Desc)))
                .aggregations(Map.of(
                        "histogram", Aggregation.of(a -> a.dateHistogram(h -> h
                                .field(Ecs.TIMESTAMP)
                                .fixedInterval(t -> t.time(interval.toSeconds() + "s"))
                                .minDocCount(0)
                                .extendedBounds(b -> b
                                        .min(FieldDateMath.of(m -> m.value((double) search.window().from().toEpochMilli())))
                                        .max(FieldDateMath.of(m -> m.value((double) search.window().to().toEpochMilli() - 1)))))),
                        "datasets", Aggregation.of(a -> a.terms(t -> t.field(Ecs.EVENT_DATASET).size(50))),
                        "kinds", Aggregation.of(a -> a.terms(t -> t.field(Ecs.EVENT_KIND).size(20))))),
                ObjectNode.class));
        List<EventResults.EventRow> rows = response.hits().hits().stream().map(EventSearchService::row).toList();
        long total = response.hits().total() == null ? rows.size() : response.hits().total().value();
        return new EventResults(total, rows, histogram(response.aggregations().get("histogram")), interval,
                terms(response.aggregations().get("datasets")), terms(response.aggregations().get("kinds")),
                search.page(), EventSearchForm.PAGE_SIZE);
    }

    /** The event's whole document, if it exists and the scope may see it. */
    public Optional<EventDocument> document(Scope scope, String id) {
        if (id == null || !EVENT_ID.matcher(id).matches()) {
            throw new BadSearchException("search.error.badId");
        }
        BoolQuery.Builder bool = queries.base(scope, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
        bool.filter(Query.of(q -> q.ids(i -> i.values(id))));
        SearchResponse<ObjectNode> response = run(() -> client.search(s -> s
                .index(queries.indexPattern())
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .query(q -> q.bool(bool.build()))
                .size(1), ObjectNode.class));
        return response.hits().hits().stream().findFirst().map(hit -> new EventDocument(hit.id(), hit.index(),
                pretty(hit.source()), row(hit)));
    }

    /** An event's full document as indented JSON, with where it is stored. */
    public record EventDocument(String id, String index, String json, EventResults.EventRow row) {
    }

    private static void exact(BoolQuery.Builder bool, String field, String value) {
        if (value != null) {
            bool.filter(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
        }
    }

    private static void add(BoolQuery.Builder bool, SearchClause clause) {
        Query query = switch (clause) {
            case SearchClause.FreeText text -> Query.of(q -> q.multiMatch(m -> m
                    .query(text.text())
                    .fields(FREE_TEXT_FIELDS)
                    .type(text.phrase() ? TextQueryType.Phrase : TextQueryType.BestFields)
                    .operator(Operator.And)
                    .lenient(true)));
            case SearchClause.FieldMatch match -> fieldQuery(match);
        };
        if (clause.negated()) {
            bool.mustNot(query);
        } else {
            bool.filter(query);
        }
    }

    private static Query fieldQuery(SearchClause.FieldMatch match) {
        if (match.prefix()) {
            return Query.of(q -> q.prefix(p -> p.field(match.field()).value(match.value())));
        }
        if (match.type() == MappedType.TEXT) {
            return Query.of(q -> q.matchPhrase(p -> p.field(match.field()).query(match.value())));
        }
        FieldValue value = switch (match.type()) {
            case LONG -> FieldValue.of(Long.parseLong(match.value()));
            case DOUBLE -> FieldValue.of(Double.parseDouble(match.value()));
            case BOOLEAN -> FieldValue.of(Boolean.parseBoolean(match.value()));
            default -> FieldValue.of(match.value());
        };
        return Query.of(q -> q.term(t -> t.field(match.field()).value(value)));
    }

    private static List<EventResults.Bucket> histogram(Aggregate aggregate) {
        if (aggregate == null) {
            return List.of();
        }
        return aggregate.dateHistogram().buckets().array().stream()
                .map(bucket -> new EventResults.Bucket(Instant.ofEpochMilli(bucket.key()), bucket.docCount()))
                .toList();
    }

    private static List<String> terms(Aggregate aggregate) {
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        return aggregate.sterms().buckets().array().stream().map(StringTermsBucket::key).sorted().toList();
    }

    static EventResults.EventRow row(Hit<ObjectNode> hit) {
        JsonNode source = hit.source();
        return new EventResults.EventRow(hit.id(), instant(JsonFields.text(source, Ecs.TIMESTAMP)),
                JsonFields.text(source, Ecs.RAMPARTS_SITE_ID), JsonFields.text(source, Ecs.RAMPARTS_UNIT_ID),
                JsonFields.text(source, Ecs.EVENT_DATASET), JsonFields.text(source, Ecs.EVENT_KIND),
                summary(source), endpoint(source, "source"), endpoint(source, "destination"));
    }

    private static String summary(JsonNode source) {
        for (String field : List.of(Ecs.MESSAGE, Ecs.RULE_NAME, Ecs.EVENT_ACTION, Ecs.EVENT_ORIGINAL)) {
            String value = JsonFields.text(source, field);
            if (value != null && !value.isBlank()) {
                return value.length() > 160 ? value.substring(0, 159) + "…" : value;
            }
        }
        return "";
    }

    private static String endpoint(JsonNode source, String side) {
        String ip = JsonFields.text(source, side + ".ip");
        String port = JsonFields.text(source, side + ".port");
        if (ip == null) {
            return null;
        }
        return port == null ? ip : (ip.contains(":") ? "[" + ip + "]:" + port : ip + ":" + port);
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String pretty(JsonNode source) {
        try {
            return PRETTY.writeValueAsString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T run(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch did not answer: " + e.getMessage(), e);
        }
    }
}
