package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.Position;
import java.util.List;

/**
 * The body of a search identifier. A YAML map is an {@link AllOf} of its items, a list an {@link
 * AnyOf} of its elements; values under one key are a {@link FieldItem} (or a keyword search when
 * the key names no field).
 */
public sealed interface DetectionNode {

    record AllOf(List<DetectionNode> items) implements DetectionNode {
        public AllOf {
            items = List.copyOf(items);
        }
    }

    record AnyOf(List<DetectionNode> items) implements DetectionNode {
        public AnyOf {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code field|mod1|mod2: values}. A keyword search (values looked for in the whole event) has
     * an empty field.
     *
     * @param position where the key is, for messages about the field or its modifiers
     */
    record FieldItem(String field, List<String> modifiers, List<RawValue> values, Position position)
            implements DetectionNode {
        public FieldItem {
            modifiers = List.copyOf(modifiers);
            values = List.copyOf(values);
        }

        public boolean isKeyword() {
            return field.isEmpty();
        }
    }
}
