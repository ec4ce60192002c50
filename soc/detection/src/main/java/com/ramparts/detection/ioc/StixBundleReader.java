package com.ramparts.detection.ioc;

import com.ramparts.detection.ioc.JsonTree.ArrayNode;
import com.ramparts.detection.ioc.JsonTree.Node;
import com.ramparts.detection.ioc.JsonTree.ObjectNode;
import com.ramparts.detection.ioc.JsonTree.TextNode;
import com.ramparts.detection.rule.Level;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A STIX 2.1 bundle (OASIS STIX 2.1, section 8: {@code {"type": "bundle", "objects": [...]}}). Its
 * {@code indicator} objects with {@code pattern_type} {@code stix} become indicators, one per value
 * their pattern names ({@link StixPattern}); identities name the source, TLP marking definitions
 * (the well-known TLP 1.0 and 2.0 ids, or {@code marking-definition} objects in the bundle) give the
 * TLP; other objects are ignored. Revoked indicators are skipped. Level from {@code confidence}:
 * 70+ high, 30-69 medium, 1-29 low, 0 informational, absent medium.
 */
final class StixBundleReader {

    /** STIX 2.1 section 7.2.1.4 (TLP 1.0) and the TLP 2.0 marking definitions of the STIX extension. */
    private static final Map<String, Tlp> WELL_KNOWN_TLP = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED,
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.CLEAR,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED);

    private StixBundleReader() {
    }

    static IndicatorFeed read(String feed, String file, ObjectNode bundle, int maxIndicators) {
        FeedBuilder out = new FeedBuilder(feed, file, IndicatorFeed.Format.STIX, maxIndicators);
        if (!"bundle".equals(bundle.text("type"))) {
            out.problem(bundle.line(), "/type", "not a STIX bundle: \"type\" must be \"bundle\"");
            return out.build();
        }
        if (!(bundle.get("objects") instanceof ArrayNode objects)) {
            if (bundle.get("objects") != null) {
                out.problem(bundle.get("objects").line(), "/objects", "\"objects\" must be an array");
            }
            return out.build();
        }
        Map<String, Tlp> tlp = new HashMap<>(WELL_KNOWN_TLP);
        Map<String, String> identities = new HashMap<>();
        for (Node node : objects.items()) {
            if (node instanceof ObjectNode object) {
                String id = object.text("id");
                if (id == null) {
                    continue;
                }
                if ("identity".equals(object.text("type")) && object.text("name") != null) {
                    identities.put(id, object.text("name"));
                } else if ("marking-definition".equals(object.text("type"))) {
                    markingTlp(object).ifPresent(t -> tlp.put(id, t));
                }
            }
        }
        for (Node node : objects.items()) {
            if (!(node instanceof ObjectNode object)) {
                out.problem(node.line(), node.pointer(), "a bundle object must be a JSON object, not " + node.describe());
                continue;
            }
            if ("indicator".equals(object.text("type"))) {
                indicator(object, tlp, identities, out);
            }
        }
        return out.build();
    }

    private static java.util.Optional<Tlp> markingTlp(ObjectNode object) {
        if (object.get("definition") instanceof ObjectNode definition && definition.text("tlp") != null) {
            return java.util.Optional.ofNullable(Tlp.parse(definition.text("tlp")));
        }
        String name = object.text("name");
        return name != null && name.regionMatches(true, 0, "TLP:", 0, 4)
                ? java.util.Optional.ofNullable(Tlp.parse(name)) : java.util.Optional.empty();
    }

    private static void indicator(ObjectNode object, Map<String, Tlp> tlps, Map<String, String> identities, FeedBuilder out) {
        String at = object.pointer();
        if ("true".equals(object.text("revoked"))) {
            out.skip("revoked");
            return;
        }
        String id = object.text("id");
        if (id == null || !id.startsWith("indicator--")) {
            out.problem(object.line(), at + "/id", "an indicator needs an id of the form indicator--<uuid>");
            return;
        }
        String patternType = object.text("pattern_type");
        if (patternType != null && !"stix".equals(patternType)) {
            out.problem(line(object, "pattern_type"), at + "/pattern_type", "pattern_type '" + patternType
                    + "' is not supported; only stix patterns are matched");
            return;
        }
        if (!(object.get("pattern") instanceof TextNode pattern)) {
            out.problem(object.line(), at + "/pattern", "an indicator needs a pattern (a string)");
            return;
        }
        Instant validFrom;
        Instant validUntil;
        try {
            validFrom = time(object, "valid_from");
            validUntil = time(object, "valid_until");
        } catch (DateTimeParseException e) {
            out.problem(object.line(), at, "'" + e.getParsedString() + "' is not a STIX timestamp (2026-11-22T00:00:00Z)");
            return;
        }
        int confidence = -1;
        String confidenceText = object.text("confidence");
        if (confidenceText != null) {
            try {
                confidence = Integer.parseInt(confidenceText);
            } catch (NumberFormatException e) {
                confidence = -2;
            }
            if (confidence < 0 || confidence > 100) {
                out.problem(line(object, "confidence"), at + "/confidence", "confidence must be a whole number from 0 to 100");
                return;
            }
        }
        List<StixPattern.Comparison> comparisons;
        try {
            comparisons = StixPattern.parse(pattern.value());
        } catch (StixPattern.Unsupported e) {
            out.problem(pattern.line(), pattern.pointer(), e.getMessage());
            return;
        }
        Tlp tlp = null;
        if (object.get("object_marking_refs") instanceof ArrayNode refs) {
            for (Node ref : refs.items()) {
                if (ref instanceof TextNode text && tlps.containsKey(text.value())) {
                    tlp = tlps.get(text.value());
                }
            }
        }
        String source = object.text("created_by_ref") == null ? "" : identities.getOrDefault(object.text("created_by_ref"), "");
        String description = object.text("name") != null ? object.text("name") : object.text("description");
        String version = object.text("modified") != null ? object.text("modified") : "";
        Level level = level(confidence);
        for (int i = 0; i < comparisons.size(); i++) {
            StixPattern.Comparison comparison = comparisons.get(i);
            String indicatorId = comparisons.size() == 1 ? id : id + "#" + (i + 1);
            out.add(pattern.line(), pattern.pointer(), indicatorId, comparison.type(), comparison.value(), level, confidence,
                    tlp, validFrom, validUntil, source, description, version);
        }
    }

    static Level level(int confidence) {
        if (confidence < 0) {
            return Level.MEDIUM;
        }
        if (confidence >= 70) {
            return Level.HIGH;
        }
        if (confidence >= 30) {
            return Level.MEDIUM;
        }
        return confidence == 0 ? Level.INFORMATIONAL : Level.LOW;
    }

    private static int line(ObjectNode object, String member) {
        Node node = object.get(member);
        return node == null ? object.line() : node.line();
    }

    private static Instant time(ObjectNode object, String member) {
        String text = object.text(member);
        return text == null ? null : Instant.parse(text);
    }
}
