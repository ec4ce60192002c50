package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.InvalidRuleException;
import com.ramparts.detection.yaml.YamlNode;
import com.ramparts.detection.yaml.YamlNode.MapNode;
import com.ramparts.detection.yaml.YamlNode.Scalar;
import com.ramparts.detection.yaml.YamlNode.ScalarType;
import com.ramparts.detection.yaml.YamlNode.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads from YAML nodes that fail with the attribute's name and position. */
final class Nodes {

    private Nodes() {
    }

    static MapNode map(YamlNode node, String what) throws InvalidRuleException {
        if (node instanceof MapNode map) {
            return map;
        }
        throw new InvalidRuleException(node.position(), what + " must be a map, not " + node.describe());
    }

    static Optional<String> optionalText(MapNode map, String key) throws InvalidRuleException {
        YamlNode node = map.get(key);
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return Optional.empty();
        }
        if (node instanceof Scalar scalar) {
            return Optional.of(scalar.text());
        }
        throw new InvalidRuleException(node.position(), "'" + key + "' must be text, not " + node.describe());
    }

    static String requiredText(MapNode map, String key, String what) throws InvalidRuleException {
        Optional<String> text = optionalText(map, key);
        if (text.isEmpty() || text.get().isBlank()) {
            throw new InvalidRuleException(map.position(), what + " has no '" + key + "'");
        }
        return text.get();
    }

    /** A string or a list of strings; absent is an empty list. */
    static List<String> textList(MapNode map, String key) throws InvalidRuleException {
        YamlNode node = map.get(key);
        List<String> texts = new ArrayList<>();
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return texts;
        }
        if (node instanceof Scalar scalar) {
            texts.add(scalar.text());
            return texts;
        }
        if (node instanceof SeqNode seq) {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof Scalar scalar) || scalar.type() == ScalarType.NULL) {
                    throw new InvalidRuleException(item.position(), "'" + key + "' must be a list of text; this item is "
                            + item.describe());
                }
                texts.add(scalar.text());
            }
            return texts;
        }
        throw new InvalidRuleException(node.position(), "'" + key + "' must be text or a list of text, not "
                + node.describe());
    }

    /** Like {@link #textList} but each string with its position. */
    static List<Reference> references(YamlNode node, String key) throws InvalidRuleException {
        List<Reference> references = new ArrayList<>();
        if (node instanceof Scalar scalar && !scalar.isNull()) {
            references.add(new Reference(scalar.text(), scalar.position()));
        } else if (node instanceof SeqNode seq) {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof Scalar scalar) || scalar.isNull()) {
                    throw new InvalidRuleException(item.position(), "'" + key + "' must list rule ids or names; this item is "
                            + item.describe());
                }
                references.add(new Reference(scalar.text(), scalar.position()));
            }
        } else {
            throw new InvalidRuleException(node.position(), "'" + key + "' must be a rule id or name or a list of them, not "
                    + node.describe());
        }
        return references;
    }
}
