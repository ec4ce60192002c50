package com.ramparts.soc.incident.search;

import com.ramparts.soc.incident.HistoryEntry;
import com.ramparts.soc.incident.Incident;
import com.ramparts.soc.incident.IncidentDocument;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The incidents index: its mapping, writes by incident id with external versions, deletes, and the free-text query. */
public class IncidentIndex {

    /** Text searched by a free-text query, with boosts. */
    static final List<String> SEARCHED = List.of("title^3", "rule_titles^2", "rules", "techniques", "site_id", "host",
            "unit_id", "owner", "status", "exercise_id", "history");

    private final OpenSearchClient client;
    private final String name;

    public IncidentIndex(OpenSearchClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public boolean exists() throws IOException {
        return client.indices().exists(e -> e.index(name)).value();
    }

    /**
     * Puts an index template for exactly this index's name, so that should the index be deleted while soc writes, the
     * index OpenSearch creates on the next write still has the declared mapping rather than guessed types.
     */
    public void applyTemplate() throws IOException {
        client.indices().putIndexTemplate(t -> t.name(name + "-template").indexPatterns(name).priority(200)
                .template(template -> template.settings(s -> s.numberOfShards(1).numberOfReplicas(0)).mappings(mapping())));
    }

    /** Creates the index with {@link #mapping()}; false if it exists already (another instance was first). */
    public boolean create() throws IOException {
        try {
            client.indices().create(c -> c.index(name)
                    .settings(s -> s.numberOfShards(1).numberOfReplicas(0))
                    .mappings(mapping()));
            return true;
        } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    /** Every field declared; anything else in a document is refused rather than guessed ({@code dynamic: strict}). */
    static TypeMapping mapping() {
        Property keyword = Property.of(p -> p.keyword(k -> k.ignoreAbove(1024)));
        Property date = Property.of(p -> p.date(d -> d.format("strict_date_optional_time||epoch_millis")));
        Property integer = Property.of(p -> p.integer(i -> i));
        Property text = Property.of(p -> p.text(t -> t));
        Map<String, Property> fields = new LinkedHashMap<>();
        fields.put("id", Property.of(p -> p.long_(l -> l)));
        fields.put("revision", Property.of(p -> p.long_(l -> l)));
        fields.put("title", Property.of(p -> p.text(t -> t.fields("keyword", Property.of(k -> k.keyword(kw -> kw.ignoreAbove(500)))))));
        fields.put("status", keyword);
        fields.put("severity", integer);
        fields.put("site_id", keyword);
        fields.put("unit_id", keyword);
        fields.put("host", keyword);
        fields.put("exercise_id", keyword);
        fields.put("owner", keyword);
        fields.put("alert_count", integer);
        fields.put("suppressed_count", integer);
        fields.put("first_alert_at", date);
        fields.put("last_alert_at", date);
        fields.put("created_at", date);
        fields.put("updated_at", date);
        fields.put("acknowledged_at", date);
        fields.put("closed_at", date);
        fields.put("rules", keyword);
        fields.put("rule_titles", text);
        fields.put("techniques", keyword);
        fields.put("history", text);
        fields.put("response_actions", keyword);
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict).properties(fields));
    }

    /** The document of an incident: what the mapping declares, times as ISO-8601. */
    static Map<String, Object> source(IncidentDocument document) {
        Incident incident = document.incident();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", incident.id());
        source.put("revision", document.revision());
        source.put("title", incident.title());
        source.put("status", incident.status().wire());
        source.put("severity", incident.severity());
        source.put("site_id", incident.siteId());
        source.put("unit_id", incident.unitId());
        source.put("host", incident.host());
        source.put("exercise_id", incident.exerciseId());
        source.put("owner", incident.owner());
        source.put("alert_count", incident.alertCount());
        source.put("suppressed_count", incident.suppressedCount());
        source.put("first_alert_at", time(incident.firstAlertAt()));
        source.put("last_alert_at", time(incident.lastAlertAt()));
        source.put("created_at", time(incident.createdAt()));
        source.put("updated_at", time(incident.updatedAt()));
        source.put("acknowledged_at", time(incident.acknowledgedAt()));
        source.put("closed_at", time(incident.closedAt()));
        source.put("rules", document.ruleIds());
        source.put("rule_titles", document.rules().stream().map(IncidentDocument.RuleSeen::title)
                .filter(t -> t != null && !t.isBlank()).distinct().toList());
        source.put("techniques", document.techniques());
        List<String> history = new ArrayList<>();
        Set<String> actions = new HashSet<>();
        for (HistoryEntry entry : document.history()) {
            if (entry.detail() != null && !entry.detail().isBlank()) {
                history.add(entry.detail());
            }
            if ("RESPONSE".equals(entry.action()) && entry.detail() != null) {
                actions.add(entry.detail().split(" ", 2)[0]);
            }
        }
        source.put("history", history);
        source.put("response_actions", List.copyOf(actions));
        return source;
    }

    /** What a bulk write did. */
    public record Written(int written, int alreadyNewer, List<Long> failed) {
    }

    /**
     * Writes the documents; one that the index already holds at the same or a newer revision is left as it is (a
     * version conflict, counted as {@code alreadyNewer}). Ids whose write failed otherwise are returned.
     */
    public Written write(List<IncidentDocument> documents, List<Long> deleted) throws IOException {
        if (documents.isEmpty() && deleted.isEmpty()) {
            return new Written(0, 0, List.of());
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (IncidentDocument document : documents) {
            Map<String, Object> source = source(document);
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(name).id(Long.toString(document.incident().id()))
                    .versionType(VersionType.External).version(document.revision()).document(source))));
        }
        for (Long id : deleted) {
            operations.add(BulkOperation.of(b -> b.delete(d -> d.index(name).id(Long.toString(id)))));
        }
        BulkResponse response = client.bulk(b -> b.operations(operations));
        int written = 0;
        int newer = 0;
        List<Long> failed = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                written++;
            } else if (item.status() == 409) {
                newer++;
            } else if (item.status() == 404 && item.operationType() != null
                    && item.operationType().jsonValue().equals("delete")) {
                written++;
            } else {
                failed.add(Long.parseLong(item.id()));
            }
        }
        return new Written(written, newer, failed);
    }

    /** A page of matching incident ids, best match first, and how many match in all. */
    public record Hits(List<Long> ids, long total) {
    }

    public Hits search(String text, String status, Integer severity, String siteId, String unitId, int from, int size)
            throws IOException {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.must(Query.of(q -> q.simpleQueryString(s -> s.query(text).fields(SEARCHED).defaultOperator(Operator.And)
                .lenient(true))));
        if (status != null) {
            bool.filter(Query.of(q -> q.term(t -> t.field("status").value(FieldValue.of(status)))));
        }
        if (severity != null) {
            bool.filter(Query.of(q -> q.term(t -> t.field("severity").value(FieldValue.of(severity)))));
        }
        if (siteId != null) {
            bool.filter(Query.of(q -> q.term(t -> t.field("site_id").value(FieldValue.of(siteId)))));
        }
        if (unitId != null) {
            bool.filter(Query.of(q -> q.term(t -> t.field("unit_id").value(FieldValue.of(unitId)))));
        }
        SearchResponse<Void> response = client.search(s -> s.index(name).query(Query.of(q -> q.bool(bool.build())))
                .from(from).size(size).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("severity").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("last_alert_at").order(SortOrder.Desc))), Void.class);
        List<Long> ids = response.hits().hits().stream().map(Hit::id).map(Long::parseLong).toList();
        long total = response.hits().total() == null ? ids.size() : response.hits().total().value();
        return new Hits(ids, total);
    }

    /** Makes written documents visible to search now (tests, and the end of a rebuild). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(name));
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
