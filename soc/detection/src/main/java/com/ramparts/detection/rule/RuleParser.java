package com.ramparts.detection.rule;

import com.ramparts.detection.rule.CorrelationCondition.Bound;
import com.ramparts.detection.rule.CorrelationCondition.Op;
import com.ramparts.detection.rule.Detection.ConditionText;
import com.ramparts.detection.rule.Detection.SearchIdentifier;
import com.ramparts.detection.rule.DetectionNode.AllOf;
import com.ramparts.detection.rule.DetectionNode.AnyOf;
import com.ramparts.detection.rule.DetectionNode.FieldItem;
import com.ramparts.detection.yaml.InvalidRuleException;
import com.ramparts.detection.yaml.Position;
import com.ramparts.detection.yaml.YamlNode;
import com.ramparts.detection.yaml.YamlNode.Entry;
import com.ramparts.detection.yaml.YamlNode.MapNode;
import com.ramparts.detection.yaml.YamlNode.Scalar;
import com.ramparts.detection.yaml.YamlNode.ScalarType;
import com.ramparts.detection.yaml.YamlNode.SeqNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link SigmaDocument} from one YAML document, or says precisely what is wrong with it.
 * Only the shape is checked here; fields, modifiers and log sources are checked when compiling.
 */
public final class RuleParser {

    public static final int MAX_TITLE_LENGTH = 256;
    /** Windows longer than this would keep unbounded state; 31 days covers every rule we know. */
    public static final Duration MAX_TIMESPAN = Duration.ofDays(31);

    private static final Set<String> KNOWN_KEYS = Set.of("title", "id", "name", "status", "description", "author",
            "references", "date", "modified", "tags", "falsepositives", "fields", "level", "logsource", "detection",
            "correlation", "filter", "related", "license", "taxonomy", "scope", "generate");
    private static final Pattern TIMESPAN = Pattern.compile("([1-9][0-9]{0,8})([smhdwMy])");

    private RuleParser() {
    }

    public static SigmaDocument parse(YamlNode root) throws InvalidRuleException {
        MapNode map = Nodes.map(root, "a rule document");
        if (map.get("correlation") != null) {
            return correlation(map);
        }
        if (map.get("filter") != null && map.get("detection") == null) {
            return filter(map);
        }
        if (map.get("detection") != null) {
            return rule(map);
        }
        throw new InvalidRuleException(map.position(),
                "the document has neither 'detection' (a rule), 'correlation' nor 'filter'");
    }

    private static SigmaRule rule(MapNode map) throws InvalidRuleException {
        RuleInfo info = info(map, "the rule");
        YamlNode logsource = map.get("logsource");
        if (logsource == null) {
            throw new InvalidRuleException(map.position(), "the rule has no 'logsource'");
        }
        return new SigmaRule(info, logSource(logsource), logsource.position(),
                detection(Nodes.map(map.get("detection"), "'detection'"), false), map.position());
    }

    private static SigmaFilter filter(MapNode map) throws InvalidRuleException {
        RuleInfo info = info(map, "the filter");
        YamlNode logsource = map.get("logsource");
        if (logsource == null) {
            throw new InvalidRuleException(map.position(), "the filter has no 'logsource'");
        }
        MapNode filter = Nodes.map(map.get("filter"), "'filter'");
        YamlNode rules = filter.get("rules");
        if (rules == null) {
            throw new InvalidRuleException(filter.position(),
                    "the filter has no 'rules' (name rule ids or names, or write 'rules: any')");
        }
        List<Reference> references = List.of();
        boolean any = rules instanceof Scalar s && Set.of("any", "all").contains(s.text().toLowerCase(Locale.ROOT));
        if (!any) {
            references = Nodes.references(rules, "rules");
        }
        return new SigmaFilter(info, logSource(logsource), references, detection(filter, true), map.position());
    }

    private static LogSource logSource(YamlNode node) throws InvalidRuleException {
        MapNode map = Nodes.map(node, "'logsource'");
        LogSource logSource = LogSource.of(lower(map, "category"), lower(map, "product"), lower(map, "service"));
        if (logSource.isEmpty()) {
            throw new InvalidRuleException(map.position(), "'logsource' names no category, product or service");
        }
        return logSource;
    }

    private static String lower(MapNode map, String key) throws InvalidRuleException {
        return Nodes.optionalText(map, key).map(text -> text.toLowerCase(Locale.ROOT)).orElse(null);
    }

    private static RuleInfo info(MapNode map, String what) throws InvalidRuleException {
        String title = Nodes.requiredText(map, "title", what);
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new InvalidRuleException(map.get("title").position(), "the title is " + title.length()
                    + " characters long; Sigma allows " + MAX_TITLE_LENGTH);
        }
        Optional<String> id = Nodes.optionalText(map, "id");
        Optional<String> name = Nodes.optionalText(map, "name");
        Optional<Status> status = Optional.empty();
        Optional<String> statusText = Nodes.optionalText(map, "status");
        if (statusText.isPresent()) {
            status = Optional.ofNullable(Status.parse(statusText.get()));
            if (status.isEmpty()) {
                throw new InvalidRuleException(map.get("status").position(), "unknown status '" + statusText.get()
                        + "'; Sigma's are " + Arrays.stream(Status.values()).map(Status::sigmaName).toList());
            }
        }
        Level level = Level.MEDIUM;
        Optional<String> levelText = Nodes.optionalText(map, "level");
        if (levelText.isPresent()) {
            level = Level.parse(levelText.get());
            if (level == null) {
                throw new InvalidRuleException(map.get("level").position(), "unknown level '" + levelText.get()
                        + "'; Sigma's are " + Arrays.stream(Level.values()).map(Level::sigmaName).toList());
            }
        }
        Map<String, String> extensions = new HashMap<>();
        for (Entry entry : map.entries()) {
            if (!KNOWN_KEYS.contains(entry.key().text()) && entry.value() instanceof Scalar scalar && !scalar.isNull()) {
                extensions.put(entry.key().text(), scalar.text());
            }
        }
        return new RuleInfo(id.or(() -> name).orElse(title), name, title, status, level,
                Nodes.optionalText(map, "description"), Nodes.optionalText(map, "author"),
                Nodes.textList(map, "references"), Nodes.textList(map, "tags"), Nodes.textList(map, "falsepositives"),
                Nodes.textList(map, "fields"), Nodes.optionalText(map, "date"), Nodes.optionalText(map, "modified"),
                extensions);
    }

    private static Detection detection(MapNode map, boolean filter) throws InvalidRuleException {
        Map<String, SearchIdentifier> identifiers = new LinkedHashMap<>();
        List<ConditionText> conditions = new ArrayList<>();
        for (Entry entry : map.entries()) {
            String key = entry.key().text();
            switch (key) {
                case "condition" -> conditions.addAll(conditions(entry));
                case "timeframe" -> throw new InvalidRuleException(entry.key().position(), "'timeframe' belongs to"
                        + " Sigma 1 aggregations, which Sigma 2 removed; write a correlation rule with a timespan");
                case "rules" -> {
                    if (!filter) {
                        identifiers.put(key, new SearchIdentifier(key, body(entry.value()), entry.key()));
                    }
                }
                default -> identifiers.put(key, new SearchIdentifier(key, body(entry.value()), entry.key()));
            }
        }
        if (conditions.isEmpty()) {
            throw new InvalidRuleException(map.position(), (filter ? "'filter'" : "'detection'") + " has no 'condition'");
        }
        if (identifiers.isEmpty()) {
            throw new InvalidRuleException(map.position(), (filter ? "'filter'" : "'detection'")
                    + " has no search identifiers, only a condition");
        }
        return new Detection(identifiers, conditions);
    }

    private static List<ConditionText> conditions(Entry entry) throws InvalidRuleException {
        List<ConditionText> conditions = new ArrayList<>();
        if (entry.value() instanceof Scalar scalar && scalar.type() == ScalarType.STRING) {
            conditions.add(new ConditionText(scalar.text(), scalar));
        } else if (entry.value() instanceof SeqNode seq && !seq.items().isEmpty()) {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof Scalar scalar) || scalar.type() != ScalarType.STRING) {
                    throw new InvalidRuleException(item.position(), "each condition must be text, not " + item.describe());
                }
                conditions.add(new ConditionText(scalar.text(), scalar));
            }
        } else {
            throw new InvalidRuleException(entry.value().position(), "'condition' must be text or a list of text, not "
                    + entry.value().describe());
        }
        return conditions;
    }

    private static DetectionNode body(YamlNode node) throws InvalidRuleException {
        return switch (node) {
            case MapNode map -> selection(map);
            case SeqNode seq -> list(seq);
            case Scalar scalar -> {
                if (scalar.isNull()) {
                    throw new InvalidRuleException(scalar.position(), "a search identifier cannot be empty");
                }
                yield new FieldItem("", List.of(), List.of(value(scalar)), scalar.position());
            }
        };
    }

    private static DetectionNode list(SeqNode seq) throws InvalidRuleException {
        if (seq.items().isEmpty()) {
            throw new InvalidRuleException(seq.position(), "a search identifier cannot be an empty list");
        }
        if (seq.items().stream().allMatch(item -> item instanceof Scalar)) {
            return new FieldItem("", List.of(), values(seq), seq.position());
        }
        List<DetectionNode> alternatives = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof MapNode map)) {
                throw new InvalidRuleException(item.position(), "a list under a search identifier must hold either"
                        + " only values (keywords) or only maps; this item is " + item.describe());
            }
            alternatives.add(selection(map));
        }
        return new AnyOf(alternatives);
    }

    private static DetectionNode selection(MapNode map) throws InvalidRuleException {
        if (map.entries().isEmpty()) {
            throw new InvalidRuleException(map.position(), "a selection cannot be an empty map");
        }
        List<DetectionNode> items = new ArrayList<>();
        for (Entry entry : map.entries()) {
            items.add(item(entry));
        }
        return items.size() == 1 ? items.getFirst() : new AllOf(items);
    }

    /** One {@code field|modifiers: value(s)} entry of a selection. */
    public static FieldItem item(Entry entry) throws InvalidRuleException {
        String key = entry.key().text();
        String[] parts = key.split("\\|", -1);
        String field = parts[0].strip();
        List<String> modifiers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String modifier = parts[i].strip();
            if (modifier.isEmpty()) {
                throw new InvalidRuleException(entry.key().position(), "'" + key + "' has an empty modifier");
            }
            modifiers.add(modifier);
        }
        List<RawValue> values = switch (entry.value()) {
            case Scalar scalar -> List.of(value(scalar));
            case SeqNode seq -> {
                if (seq.items().isEmpty()) {
                    throw new InvalidRuleException(seq.position(), "'" + key + "' has an empty list of values");
                }
                yield values(seq);
            }
            case MapNode map -> throw new InvalidRuleException(map.position(), "'" + key
                    + "' must have a value or a list of values, not a map");
        };
        if (values.size() > 1 && values.stream().anyMatch(v -> v.type() == RawValue.Type.NULL)) {
            throw new InvalidRuleException(entry.value().position(), "null cannot be part of a list of values for '"
                    + key + "'; give it its own selection");
        }
        return new FieldItem(field, modifiers, values, entry.key().position());
    }

    private static List<RawValue> values(SeqNode seq) throws InvalidRuleException {
        List<RawValue> values = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof Scalar scalar)) {
                throw new InvalidRuleException(item.position(), "a list of values must hold plain values, not "
                        + item.describe());
            }
            values.add(value(scalar));
        }
        return values;
    }

    private static RawValue value(Scalar scalar) {
        RawValue.Type type = switch (scalar.type()) {
            case STRING -> RawValue.Type.STRING;
            case INTEGER -> RawValue.Type.INTEGER;
            case FLOAT -> RawValue.Type.FLOAT;
            case BOOLEAN -> RawValue.Type.BOOLEAN;
            case NULL -> RawValue.Type.NULL;
        };
        return new RawValue(type, scalar.text(), scalar.position());
    }

    private static SigmaCorrelation correlation(MapNode map) throws InvalidRuleException {
        RuleInfo info = info(map, "the correlation rule");
        MapNode correlation = Nodes.map(map.get("correlation"), "'correlation'");
        String typeText = Nodes.requiredText(correlation, "type", "the correlation");
        CorrelationType type = CorrelationType.parse(typeText);
        if (type == null) {
            throw new InvalidRuleException(correlation.get("type").position(), "unknown correlation type '" + typeText
                    + "'; supported: " + Arrays.stream(CorrelationType.values()).map(CorrelationType::sigmaName).toList());
        }
        YamlNode rulesNode = correlation.get("rules");
        if (rulesNode == null) {
            throw new InvalidRuleException(correlation.position(), "the correlation has no 'rules'");
        }
        List<Reference> rules = Nodes.references(rulesNode, "rules");
        if (rules.isEmpty()) {
            throw new InvalidRuleException(rulesNode.position(), "the correlation's 'rules' is empty");
        }
        List<String> groupBy = Nodes.textList(correlation, "group-by");
        Duration timespan = timespan(correlation);
        Map<String, Map<String, String>> aliases = aliases(correlation);
        CorrelationCondition condition = condition(correlation, type, rules.size());
        boolean generate = bool(correlation, "generate").or(() -> optionalBool(map, "generate")).orElse(false);
        return new SigmaCorrelation(info, type, rules, groupBy, timespan, aliases, condition, generate, map.position());
    }

    private static Optional<Boolean> optionalBool(MapNode map, String key) {
        try {
            return bool(map, key);
        } catch (InvalidRuleException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(MapNode map, String key) throws InvalidRuleException {
        YamlNode node = map.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof Scalar scalar && scalar.type() == ScalarType.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(scalar.text().toLowerCase(Locale.ROOT)));
        }
        throw new InvalidRuleException(node.position(), "'" + key + "' must be true or false, not " + node.describe());
    }

    private static Duration timespan(MapNode correlation) throws InvalidRuleException {
        YamlNode node = correlation.get("timespan");
        if (node == null) {
            throw new InvalidRuleException(correlation.position(), "the correlation has no 'timespan'");
        }
        String text = node instanceof Scalar scalar ? scalar.text() : "";
        Matcher matcher = TIMESPAN.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidRuleException(node.position(), "the timespan '" + text + "' is not a positive number"
                    + " followed by s, m, h, d, w, M or y (for example 90m)");
        }
        long count = Long.parseLong(matcher.group(1));
        Duration timespan = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(count);
            case "m" -> Duration.ofMinutes(count);
            case "h" -> Duration.ofHours(count);
            case "d" -> Duration.ofDays(count);
            case "w" -> Duration.ofDays(7 * count);
            case "M" -> Duration.ofSeconds(2_629_746L * count);
            default -> Duration.ofSeconds(31_556_952L * count);
        };
        if (timespan.compareTo(MAX_TIMESPAN) > 0) {
            throw new InvalidRuleException(node.position(), "the timespan '" + text + "' is longer than the "
                    + MAX_TIMESPAN.toDays() + " days the correlator keeps state for");
        }
        return timespan;
    }

    private static Map<String, Map<String, String>> aliases(MapNode correlation) throws InvalidRuleException {
        YamlNode node = correlation.get("aliases");
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (node == null) {
            return aliases;
        }
        for (Entry alias : Nodes.map(node, "'aliases'").entries()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Entry field : Nodes.map(alias.value(), "alias '" + alias.key().text() + "'").entries()) {
                if (!(field.value() instanceof Scalar scalar) || scalar.isNull()) {
                    throw new InvalidRuleException(field.value().position(), "alias '" + alias.key().text()
                            + "' must map rule names to field names");
                }
                fields.put(field.key().text(), scalar.text());
            }
            aliases.put(alias.key().text(), Map.copyOf(fields));
        }
        return aliases;
    }

    private static CorrelationCondition condition(MapNode correlation, CorrelationType type, int ruleCount)
            throws InvalidRuleException {
        YamlNode node = correlation.get("condition");
        if (node == null) {
            if (type.isTemporal()) {
                return new CorrelationCondition(List.of(new Bound(Op.GTE, ruleCount)), List.of(), OptionalInt.empty());
            }
            throw new InvalidRuleException(correlation.position(), "a " + type.sigmaName()
                    + " correlation needs a 'condition' (for example gte: 10)");
        }
        if (node instanceof Scalar) {
            throw new InvalidRuleException(node.position(), "condition expressions over rule names (a pySigma"
                    + " extension) are not supported; give a map such as gte: 2");
        }
        MapNode map = Nodes.map(node, "the correlation's 'condition'");
        List<Bound> bounds = new ArrayList<>();
        List<String> fields = List.of();
        OptionalInt percentile = OptionalInt.empty();
        for (Entry entry : map.entries()) {
            String key = entry.key().text();
            Op op = Op.parse(key);
            if (op != null) {
                bounds.add(new Bound(op, number(entry.value(), key)));
            } else if (key.equals("field")) {
                fields = Nodes.textList(map, "field");
            } else if (key.equals("percentile")) {
                double p = number(entry.value(), key);
                if (p < 0 || p > 100 || p != Math.rint(p)) {
                    throw new InvalidRuleException(entry.value().position(), "'percentile' must be a whole number"
                            + " from 0 to 100");
                }
                percentile = OptionalInt.of((int) p);
            } else {
                throw new InvalidRuleException(entry.key().position(), "unknown condition key '" + key
                        + "'; use gt, gte, lt, lte, eq, neq, field and percentile");
            }
        }
        if (bounds.isEmpty()) {
            throw new InvalidRuleException(map.position(), "the condition has no gt, gte, lt, lte, eq or neq");
        }
        if (type.needsField() && fields.isEmpty()) {
            throw new InvalidRuleException(map.position(), "a " + type.sigmaName() + " correlation needs"
                    + " 'field' in its condition");
        }
        if (type == CorrelationType.VALUE_PERCENTILE && percentile.isEmpty()) {
            throw new InvalidRuleException(map.position(), "a value_percentile correlation needs 'percentile'"
                    + " (0 to 100) in its condition");
        }
        if (type == CorrelationType.VALUE_MEDIAN) {
            percentile = OptionalInt.of(50);
        }
        return new CorrelationCondition(bounds, fields, percentile);
    }

    private static double number(YamlNode node, String key) throws InvalidRuleException {
        if (node instanceof Scalar scalar && (scalar.type() == ScalarType.INTEGER || scalar.type() == ScalarType.FLOAT)) {
            try {
                double value = Double.parseDouble(scalar.text().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidRuleException(node.position(), "'" + key + "' must be a number, not " + node.describe());
    }

    /** The position of a condition text's offset, for errors inside a condition. */
    public static Position positionIn(ConditionText condition, int offset) {
        return condition.node().positionAt(offset);
    }
}
