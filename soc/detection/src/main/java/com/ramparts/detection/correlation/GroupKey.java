package com.ramparts.detection.correlation;

import java.util.List;

/** One correlation rule's group: the rule id and the group-by values, in group-by order. */
public record GroupKey(String correlationId, List<String> values) {

    public GroupKey {
        values = List.copyOf(values);
    }
}
