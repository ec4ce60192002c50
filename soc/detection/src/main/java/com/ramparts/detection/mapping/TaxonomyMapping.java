package com.ramparts.detection.mapping;

import com.ramparts.detection.rule.DetectionNode.FieldItem;
import com.ramparts.detection.rule.LogSource;
import com.ramparts.detection.rule.RuleParser;
import com.ramparts.detection.yaml.InvalidRuleException;
import com.ramparts.detection.yaml.Position;
import com.ramparts.detection.yaml.YamlLimits;
import com.ramparts.detection.yaml.YamlNode;
import com.ramparts.detection.yaml.YamlNode.Entry;
import com.ramparts.detection.yaml.YamlNode.MapNode;
import com.ramparts.detection.yaml.YamlNode.Scalar;
import com.ramparts.detection.yaml.YamlNode.SeqNode;
import com.ramparts.detection.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Sigma log sources and field names to what Ramparts ingests. Immutable; read once at start-up
 * from {@code sigma-ecs.yml} (or a file an operator supplies).
 */
public final class TaxonomyMapping {

    public static final String DEFAULT_RESOURCE = "sigma-ecs.yml";

    private static final Pattern ECS_NAME = Pattern.compile("@?[a-z][a-z0-9_]*(\\.[a-z0-9_@]+)+");
    private static final Set<String> ECS_TOP_LEVEL = Set.of("@timestamp", "message", "tags");
    private static final List<String> DIMENSIONS = List.of("category", "product", "service");

    /** dataset -> dimension -> values */
    private final Map<String, Map<String, Set<String>>> datasets;
    private final Map<String, List<FieldItem>> categoryWhere;
    /** table key ("common", "category:antivirus", ...) -> sigma field -> ECS field */
    private final Map<String, Map<String, String>> fields;
    private final Map<String, Map<String, String>> fieldsIgnoringCase;

    private TaxonomyMapping(Map<String, Map<String, Set<String>>> datasets, Map<String, List<FieldItem>> categoryWhere,
            Map<String, Map<String, String>> fields) {
        this.datasets = datasets;
        this.categoryWhere = categoryWhere;
        this.fields = fields;
        this.fieldsIgnoringCase = new HashMap<>();
        fields.forEach((table, names) -> {
            Map<String, String> lower = new HashMap<>();
            names.forEach((sigma, ecs) -> lower.putIfAbsent(sigma.toLowerCase(Locale.ROOT), ecs));
            fieldsIgnoringCase.put(table, lower);
        });
    }

    private static volatile TaxonomyMapping defaults;

    /** The mapping shipped with Ramparts. */
    public static TaxonomyMapping defaults() {
        TaxonomyMapping mapping = defaults;
        if (mapping == null) {
            try (InputStream in = TaxonomyMapping.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
                }
                mapping = parse(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidRuleException e) {
                throw new IllegalStateException(DEFAULT_RESOURCE + ":" + e.position() + ": " + e.getMessage(), e);
            }
            defaults = mapping;
        }
        return mapping;
    }

    /** Reads a mapping file; the exception names the line and what is wrong. */
    public static TaxonomyMapping parse(String name, String yaml) throws InvalidRuleException {
        List<YamlReader.Document> documents = new YamlReader(YamlLimits.DEFAULT).read(name, yaml);
        if (documents.size() != 1) {
            throw new InvalidRuleException(Position.UNKNOWN, "a mapping file holds exactly one YAML document");
        }
        if (documents.getFirst().problem() != null) {
            throw documents.getFirst().problem();
        }
        MapNode root = map(documents.getFirst().root(), "the mapping");
        Map<String, Map<String, Set<String>>> datasets = new LinkedHashMap<>();
        for (Entry dataset : map(required(root, "datasets"), "'datasets'").entries()) {
            Map<String, Set<String>> dimensions = new HashMap<>();
            for (Entry dimension : map(dataset.value(), "dataset " + dataset.key().text()).entries()) {
                if (!DIMENSIONS.contains(dimension.key().text())) {
                    throw new InvalidRuleException(dimension.key().position(), "unknown logsource part '"
                            + dimension.key().text() + "'; use category, product or service");
                }
                dimensions.put(dimension.key().text(), Set.copyOf(texts(dimension.value())));
            }
            datasets.put(dataset.key().text(), Map.copyOf(dimensions));
        }
        Map<String, List<FieldItem>> where = new HashMap<>();
        if (root.get("categories") != null) {
            for (Entry category : map(root.get("categories"), "'categories'").entries()) {
                MapNode body = map(category.value(), "category " + category.key().text());
                List<FieldItem> items = new ArrayList<>();
                if (body.get("where") != null) {
                    for (Entry item : map(body.get("where"), "'where'").entries()) {
                        items.add(RuleParser.item(item));
                    }
                }
                where.put(category.key().text(), List.copyOf(items));
            }
        }
        Map<String, Map<String, String>> fields = new HashMap<>();
        if (root.get("fields") != null) {
            MapNode tables = map(root.get("fields"), "'fields'");
            for (Entry table : tables.entries()) {
                String kind = table.key().text();
                if (kind.equals("common")) {
                    fields.put("common", names(table.value()));
                } else if (DIMENSIONS.contains(kind)) {
                    for (Entry value : map(table.value(), "fields." + kind).entries()) {
                        fields.put(kind + ":" + value.key().text(), names(value.value()));
                    }
                } else {
                    throw new InvalidRuleException(table.key().position(), "unknown field table '" + kind
                            + "'; use common, category, product or service");
                }
            }
        }
        return new TaxonomyMapping(Map.copyOf(datasets), Map.copyOf(where), Map.copyOf(fields));
    }

    private static YamlNode required(MapNode map, String key) throws InvalidRuleException {
        YamlNode node = map.get(key);
        if (node == null) {
            throw new InvalidRuleException(map.position(), "the mapping has no '" + key + "'");
        }
        return node;
    }

    private static MapNode map(YamlNode node, String what) throws InvalidRuleException {
        if (node instanceof MapNode map) {
            return map;
        }
        throw new InvalidRuleException(node.position(), what + " must be a map");
    }

    private static List<String> texts(YamlNode node) throws InvalidRuleException {
        List<String> texts = new ArrayList<>();
        if (node instanceof Scalar scalar) {
            texts.add(scalar.text());
        } else if (node instanceof SeqNode seq) {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof Scalar scalar)) {
                    throw new InvalidRuleException(item.position(), "expected a value");
                }
                texts.add(scalar.text());
            }
        } else {
            throw new InvalidRuleException(node.position(), "expected a value or a list of values");
        }
        return texts;
    }

    private static Map<String, String> names(YamlNode node) throws InvalidRuleException {
        Map<String, String> names = new HashMap<>();
        for (Entry entry : map(node, "a field table").entries()) {
            if (!(entry.value() instanceof Scalar scalar) || !isEcsName(scalar.text())) {
                throw new InvalidRuleException(entry.value().position(), "'" + entry.key().text()
                        + "' must map to an ECS field name such as source.ip");
            }
            names.put(entry.key().text(), scalar.text());
        }
        return Map.copyOf(names);
    }

    /** Whether a name can be used as an ECS field directly. */
    public static boolean isEcsName(String name) {
        return ECS_TOP_LEVEL.contains(name) || ECS_NAME.matcher(name).matches();
    }

    /** Every dataset the mapping knows. */
    public Set<String> datasets() {
        return new TreeSet<>(datasets.keySet());
    }

    /** The datasets and extra conditions for a rule's log source, or why Ramparts never sees such events. */
    public LogSourceResolution resolve(LogSource logSource) {
        Set<String> selected = new LinkedHashSet<>(datasets.keySet());
        for (String dimension : DIMENSIONS) {
            Optional<String> wanted = value(logSource, dimension);
            if (wanted.isEmpty()) {
                continue;
            }
            boolean known = datasets.values().stream().anyMatch(d -> d.getOrDefault(dimension, Set.of()).contains(wanted.get()));
            if (!known) {
                return new LogSourceResolution.NotIngested("logsource " + logSource + " is not ingested by Ramparts (no"
                        + " ingested source has " + dimension + " '" + wanted.get() + "')");
            }
            selected.removeIf(d -> !datasets.get(d).getOrDefault(dimension, Set.of()).contains(wanted.get()));
        }
        if (selected.isEmpty()) {
            return new LogSourceResolution.NotIngested("logsource " + logSource + " is not ingested by Ramparts (no"
                    + " ingested source has all of its parts)");
        }
        List<FieldItem> where = logSource.category().map(c -> categoryWhere.getOrDefault(c, List.of())).orElse(List.of());
        return new LogSourceResolution.Ingested(selected, where);
    }

    private static Optional<String> value(LogSource logSource, String dimension) {
        return switch (dimension) {
            case "category" -> logSource.category();
            case "product" -> logSource.product();
            default -> logSource.service();
        };
    }

    /**
     * The ECS name of a Sigma field for a rule of this log source, or empty when the name is
     * neither mapped nor an ECS name itself.
     */
    public Optional<String> ecsField(String sigmaField, LogSource logSource) {
        List<String> tables = new ArrayList<>(4);
        logSource.service().ifPresent(s -> tables.add("service:" + s));
        logSource.product().ifPresent(p -> tables.add("product:" + p));
        logSource.category().ifPresent(c -> tables.add("category:" + c));
        tables.add("common");
        for (String table : tables) {
            String ecs = fields.getOrDefault(table, Map.of()).get(sigmaField);
            if (ecs != null) {
                return Optional.of(ecs);
            }
        }
        if (isEcsName(sigmaField)) {
            return Optional.of(sigmaField);
        }
        String lower = sigmaField.toLowerCase(Locale.ROOT);
        for (String table : tables) {
            String ecs = fieldsIgnoringCase.getOrDefault(table, Map.of()).get(lower);
            if (ecs != null) {
                return Optional.of(ecs);
            }
        }
        return Optional.empty();
    }
}
