package com.ramparts.agent.parse.suricata;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * EVE's {@code stats} tree flattened into numeric fields under {@code suricata.eve.stats}, e.g.
 * {@code suricata.eve.stats.capture.kernel_drops}. Bounded: Suricata's tree has a few hundred counters,
 * and a hostile one cannot push an event past soc's field limit.
 */
final class EveStats {

    /** Well under TelemetryLimits' 1,000 fields, leaving room for the rest of the event. */
    static final int MAX_COUNTERS = 800;

    private EveStats() {
    }

    static void stats(JsonParser p, Draft draft) throws ParseException {
        int[] count = {0};
        walk(p, "suricata.eve.stats", draft, count);
    }

    private static void walk(JsonParser p, String prefix, Draft draft, int[] count) throws ParseException {
        EveSections.fields(p, prefix, (name, v) -> {
            String field = prefix + "." + EveSections.safe(name);
            JsonToken token = v.currentToken();
            if (token == JsonToken.START_OBJECT) {
                walk(v, field, draft, count);
            } else if ((token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT)
                    && count[0] < MAX_COUNTERS && !draft.has(field)) {
                if (token == JsonToken.VALUE_NUMBER_INT && v.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    draft.put(field, v.getLongValue());
                } else {
                    draft.put(field, Json.number(v, field));
                }
                count[0]++;
            } else {
                Json.skip(v);
            }
        });
    }
}
