package com.ramparts.soc.web;

import com.ramparts.soc.index.EventIndices;
import com.ramparts.telemetry.event.Ecs;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Where every dashboard query over events starts: the event indices, the time window, and the
 * viewer's unit when the viewer is limited to one. Pages add their own clauses to the returned builder.
 */
@Component
public class EventQueries {

    private final EventIndices indices;

    EventQueries(EventIndices indices) {
        this.indices = indices;
    }

    public String indexPattern() {
        return indices.names().pattern();
    }

    /** Events in {@code [from, to)} that the scope may see. */
    public BoolQuery.Builder base(Scope scope, Instant from, Instant to) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(Query.of(q -> q.range(r -> r.field(Ecs.TIMESTAMP)
                .gte(JsonData.of(from.toEpochMilli()))
                .lt(JsonData.of(to.toEpochMilli()))
                .format("epoch_millis"))));
        if (scope.limited()) {
            if (scope.unitId() == null) {
                bool.filter(Query.of(q -> q.matchNone(m -> m)));
            } else {
                bool.filter(Query.of(q -> q.term(t -> t.field(Ecs.RAMPARTS_UNIT_ID).value(FieldValue.of(scope.unitId())))));
            }
        }
        return bool;
    }
}
