package com.ramparts.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML mapping being read into typed values. Every problem is added to the shared error
 * list with the key's path and line instead of being thrown, so one run reports them all; a
 * getter that fails returns its default (or empty) so reading can go on. Keys nobody asked for
 * are reported by {@link #finish()}.
 */
final class YamlSection {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)",
            Pattern.CASE_INSENSITIVE);

    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Set<String> asked = new TreeSet<>();
    private final List<ConfigError> errors;

    YamlSection(String path, Node node, List<ConfigError> errors) {
        this.path = path;
        this.node = node;
        this.errors = errors;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                if (key == null) {
                    error(tuple.getKeyNode(), path, "keys must be plain names");
                } else if (entries.putIfAbsent(key, tuple) != null) {
                    error(tuple.getKeyNode(), keyPath(key), "is given twice");
                }
            }
        } else {
            error(node, path, "must be a mapping of keys to values");
        }
    }

    /** Another mapping reporting into the same error list, e.g. an element of a list. */
    YamlSection child(String childPath, Node childNode) {
        return new YamlSection(childPath, childNode, errors);
    }

    String path() {
        return path;
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        asked.add(key);
        return entries.containsKey(key);
    }

    Optional<Node> node(String key) {
        asked.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        used.add(key);
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.isPlain() && (scalar.getValue().isEmpty()
                || scalar.getValue().equals("~") || scalar.getValue().equals("null"))) {
            return Optional.empty(); // "key:" with no value reads as absent
        }
        return Optional.of(value);
    }

    Optional<String> optionalString(String key) {
        return node(key).flatMap(value -> {
            if (value instanceof ScalarNode scalar) {
                return Optional.of(scalar.getValue());
            }
            error(value, keyPath(key), "must be a single value, not a list or mapping");
            return Optional.empty();
        });
    }

    String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    /** A required value; reports it missing (at this section's line) and returns null if absent. */
    String required(String key) {
        Optional<String> value = optionalString(key);
        if (value.isEmpty()) {
            if (!has(key)) {
                error(node, keyPath(key), "is required");
            } else if (node(key).isEmpty()) {
                error(entries.get(key).getKeyNode(), keyPath(key), "is required and must not be empty");
            }
            return null;
        }
        return value.get();
    }

    String requiredId(String key) {
        String value = required(key);
        if (value != null && !ID.matcher(value).matches()) {
            error(valueNode(key), keyPath(key), "'" + value + "' is not a valid id: use 1 to 64 characters of"
                    + " A-Z a-z 0-9 . _ -");
            return null;
        }
        return value;
    }

    Optional<String> optionalId(String key) {
        Optional<String> value = optionalString(key);
        if (value.isPresent() && !ID.matcher(value.get()).matches()) {
            error(valueNode(key), keyPath(key), "'" + value.get() + "' is not a valid id: use 1 to 64 characters of"
                    + " A-Z a-z 0-9 . _ -");
            return Optional.empty();
        }
        return value;
    }

    Duration duration(String key, Duration fallback, Duration min) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration value = parseDuration(text.get().trim());
        if (value == null) {
            error(valueNode(key), keyPath(key), "'" + text.get() + "' is not a duration; write e.g. 250ms, 30s, 5m,"
                    + " 1h or 1d");
            return fallback;
        }
        if (value.compareTo(min) < 0) {
            error(valueNode(key), keyPath(key), "must be at least " + format(min) + ", was " + text.get());
            return fallback;
        }
        return value;
    }

    long size(String key, long fallback, long min, long max) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Matcher m = SIZE.matcher(text.get().trim());
        long value;
        try {
            if (!m.matches()) {
                throw new NumberFormatException();
            }
            long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k", "kb", "kib" -> 1L << 10;
                case "m", "mb", "mib" -> 1L << 20;
                case "g", "gb", "gib" -> 1L << 30;
                default -> 1;
            };
            value = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            error(valueNode(key), keyPath(key), "'" + text.get() + "' is not a size; write e.g. 65536, 64KiB, 512MiB"
                    + " or 2GiB");
            return fallback;
        }
        if (value < min || value > max) {
            error(valueNode(key), keyPath(key), "must be between " + min + " and " + max + " bytes, was " + text.get());
            return fallback;
        }
        return value;
    }

    int integer(String key, int fallback, int min, int max) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(valueNode(key), keyPath(key), "must be a whole number between " + min + " and " + max + ", was '"
                + text.get() + "'");
        return fallback;
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                error(valueNode(key), keyPath(key), "must be true or false, was '" + text.get() + "'");
                yield fallback;
            }
        };
    }

    /** One of {@code choices} (keys in lowercase as written in the file). */
    <T> T choice(String key, T fallback, Map<String, T> choices) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        T value = choices.get(text.get().trim().toLowerCase(Locale.ROOT));
        if (value == null) {
            error(valueNode(key), keyPath(key), "must be one of " + String.join(", ", choices.keySet()) + ", was '"
                    + text.get() + "'");
            return fallback;
        }
        return value;
    }

    Optional<YamlSection> section(String key) {
        return node(key).map(value -> new YamlSection(keyPath(key), value, errors));
    }

    /** The elements of a list; reports a non-list. */
    List<Node> list(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        error(value.get(), keyPath(key), "must be a list");
        return List.of();
    }

    List<String> stringList(String key) {
        List<String> values = new ArrayList<>();
        List<Node> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ScalarNode scalar) {
                values.add(scalar.getValue());
            } else {
                error(items.get(i), keyPath(key) + "[" + i + "]", "must be a single value");
            }
        }
        return values;
    }

    /** A mapping of names to single values, e.g. extra producer properties. */
    Map<String, String> stringMap(String key) {
        Map<String, String> values = new LinkedHashMap<>();
        section(key).ifPresent(map -> {
            for (String name : map.entries.keySet()) {
                map.optionalString(name).ifPresent(v -> values.put(name, v));
            }
        });
        return values;
    }

    /** Reports every key that no getter asked for: a typo must not pass silently. */
    void finish() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!used.contains(entry.getKey())) {
                error(entry.getValue().getKeyNode(), keyPath(entry.getKey()), "is not a known key here"
                        + (asked.isEmpty() ? "" : " (known keys: " + String.join(", ", asked) + ")"));
            }
        }
    }

    Node valueNode(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? node : tuple.getValueNode();
    }

    void error(Node at, String key, String message) {
        errors.add(at(at, key, message));
    }

    static ConfigError at(Node at, String key, String message) {
        Optional<Mark> mark = at == null ? Optional.empty() : at.getStartMark();
        return new ConfigError(key, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), message);
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(text);
        } catch (RuntimeException e) {
            return null; // not a duration, or one too long to hold
        }
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
