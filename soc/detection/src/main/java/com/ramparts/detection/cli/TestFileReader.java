package com.ramparts.detection.cli;

import com.ramparts.detection.yaml.YamlLimits;
import com.ramparts.detection.yaml.YamlNode;
import com.ramparts.detection.yaml.YamlNode.MapNode;
import com.ramparts.detection.yaml.YamlNode.Scalar;
import com.ramparts.detection.yaml.YamlNode.SeqNode;
import com.ramparts.detection.yaml.YamlReader;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@code X.tests.yml}: a list of {@code {name, expect, events}}; each event is an ECS document
 * as a YAML map (dotted keys or nested maps) with {@code @timestamp} and {@code event.dataset}.
 * {@code ramparts.site_id} becomes the event's site (default {@code site-1}), {@code event.original}
 * its original text; every other field keeps its YAML type.
 */
final class TestFileReader {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestFileReader() {
    }

    static List<TestCase> read(String name, String text) {
        List<YamlReader.Document> documents = new YamlReader(YamlLimits.DEFAULT).read(name, text);
        if (documents.size() != 1 || documents.getFirst().problem() != null) {
            throw new IllegalArgumentException(documents.isEmpty() ? "empty test file"
                    : documents.getFirst().problem() != null ? documents.getFirst().problem().getMessage()
                    : "expected one YAML document");
        }
        if (!(documents.getFirst().root() instanceof SeqNode cases)) {
            throw new IllegalArgumentException("a test file is a list of cases {name, expect, events}");
        }
        List<TestCase> result = new ArrayList<>();
        for (YamlNode node : cases.items()) {
            if (!(node instanceof MapNode map)) {
                throw new IllegalArgumentException(node.position() + ": a case is a map {name, expect, events}");
            }
            String caseName = scalar(map, "name").orElseThrow(() -> error(map, "a case needs a name"));
            String expect = scalar(map, "expect").orElseThrow(() -> error(map, "case '" + caseName + "' needs expect"));
            int expected = switch (expect) {
                case "match" -> TestCase.AT_LEAST_ONE;
                case "no-match" -> 0;
                default -> {
                    try {
                        yield Integer.parseInt(expect);
                    } catch (NumberFormatException e) {
                        throw error(map, "expect is match, no-match or a count, not '" + expect + "'");
                    }
                }
            };
            if (!(map.get("events") instanceof SeqNode events) || events.items().isEmpty()) {
                throw error(map, "case '" + caseName + "' has no events");
            }
            List<TelemetryEvent> parsed = new ArrayList<>();
            for (YamlNode event : events.items()) {
                parsed.add(event(event));
            }
            result.add(new TestCase(caseName, expected, parsed));
        }
        return result;
    }

    static TelemetryEvent event(YamlNode node) {
        if (!(node instanceof MapNode map)) {
            throw new IllegalArgumentException(node.position() + ": an event is a map of ECS fields");
        }
        TelemetryEvent.Builder builder = TelemetryEvent.builder();
        String site = "site-1";
        Instant timestamp = null;
        List<Field> fields = new ArrayList<>();
        flatten("", map, fields);
        for (Field field : fields) {
            String key = field.name();
            try {
                switch (key) {
                    case "@timestamp" -> timestamp = Instant.parse(((Scalar) field.value()).text());
                    case "event.original" -> builder.original(((Scalar) field.value()).text());
                    case "ramparts.site_id" -> site = ((Scalar) field.value()).text();
                    default -> put(builder, key, field.value());
                }
            } catch (DateTimeParseException | ClassCastException | IllegalArgumentException e) {
                throw new IllegalArgumentException(field.value().position() + ": field " + key + ": " + e.getMessage(), e);
            }
        }
        if (timestamp == null) {
            throw new IllegalArgumentException(map.position() + ": an event needs @timestamp");
        }
        return builder.timestamp(timestamp)
                .origin(Origin.of(site, new EventId("rules-test", "tests", SEQUENCE.incrementAndGet())))
                .build();
    }

    private record Field(String name, YamlNode value) {
    }

    private static void flatten(String prefix, MapNode map, List<Field> out) {
        for (YamlNode.Entry entry : map.entries()) {
            String name = prefix.isEmpty() ? entry.key().text() : prefix + "." + entry.key().text();
            if (entry.value() instanceof MapNode nested) {
                flatten(name, nested, out);
            } else {
                out.add(new Field(name, entry.value()));
            }
        }
    }

    private static void put(TelemetryEvent.Builder builder, String name, YamlNode value) {
        if (value instanceof SeqNode seq) {
            List<String> items = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                items.add(((Scalar) item).text());
            }
            builder.put(name, items);
            return;
        }
        Scalar scalar = (Scalar) value;
        switch (scalar.type()) {
            case INTEGER -> builder.put(name, Long.parseLong(scalar.text()));
            case FLOAT -> builder.put(name, Double.parseDouble(scalar.text()));
            case BOOLEAN -> builder.put(name, Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT)));
            case NULL -> {
            }
            case STRING -> builder.put(name, scalar.text());
        }
    }

    private static Optional<String> scalar(MapNode map, String key) {
        return map.get(key) instanceof Scalar scalar && !scalar.isNull() ? Optional.of(scalar.text()) : Optional.empty();
    }

    private static IllegalArgumentException error(MapNode map, String message) {
        return new IllegalArgumentException(map.position() + ": " + message);
    }
}
