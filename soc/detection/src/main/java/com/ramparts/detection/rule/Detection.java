package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * A rule's (or filter's) search identifiers in file order and its condition(s), which are OR-ed
 * when there are several.
 */
public record Detection(Map<String, SearchIdentifier> identifiers, List<ConditionText> conditions) {

    public Detection {
        identifiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(identifiers));
        conditions = List.copyOf(conditions);
    }

    public record SearchIdentifier(String name, DetectionNode body, YamlNode.Scalar key) {
    }

    /** A condition as written, with its scalar so errors can point into the text. */
    public record ConditionText(String text, YamlNode.Scalar node) {
    }
}
