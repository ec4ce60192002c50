package com.ramparts.detection.mapping;

import com.ramparts.detection.rule.DetectionNode.FieldItem;
import java.util.List;
import java.util.Set;

/** What a rule's log source means here: the datasets it selects and extra conditions, or why none. */
public sealed interface LogSourceResolution {

    /**
     * @param datasets the {@code event.dataset} values the rule applies to
     * @param where    conditions every event must also meet (AND-ed to the rule)
     */
    record Ingested(Set<String> datasets, List<FieldItem> where) implements LogSourceResolution {
        public Ingested {
            datasets = Set.copyOf(datasets);
            where = List.copyOf(where);
        }
    }

    record NotIngested(String reason) implements LogSourceResolution {
    }
}
