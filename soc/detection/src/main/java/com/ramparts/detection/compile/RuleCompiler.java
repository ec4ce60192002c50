package com.ramparts.detection.compile;

import com.ramparts.detection.compile.EventTest.And;
import com.ramparts.detection.compile.EventTest.FieldTest;
import com.ramparts.detection.compile.EventTest.Or;
import com.ramparts.detection.condition.Condition;
import com.ramparts.detection.condition.ConditionParser;
import com.ramparts.detection.condition.ConditionSyntaxException;
import com.ramparts.detection.mapping.LogSourceResolution;
import com.ramparts.detection.mapping.TaxonomyMapping;
import com.ramparts.detection.modifier.MatchSpec;
import com.ramparts.detection.modifier.ModifierChain;
import com.ramparts.detection.modifier.Placeholders;
import com.ramparts.detection.modifier.SigmaString;
import com.ramparts.detection.modifier.Value;
import com.ramparts.detection.rule.Detection;
import com.ramparts.detection.rule.Detection.ConditionText;
import com.ramparts.detection.rule.Detection.SearchIdentifier;
import com.ramparts.detection.rule.DetectionNode;
import com.ramparts.detection.rule.DetectionNode.FieldItem;
import com.ramparts.detection.rule.LogSource;
import com.ramparts.detection.rule.RuleParser;
import com.ramparts.detection.rule.SigmaFilter;
import com.ramparts.detection.rule.SigmaRule;
import com.ramparts.detection.yaml.InvalidRuleException;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.telemetry.event.Ecs;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Compiles parsed rules into {@link CompiledRule}s; one instance per load, not thread-safe. */
public final class RuleCompiler {

    /** Where keywords are looked for. */
    static final String[] KEYWORD_FIELDS = {Ecs.EVENT_ORIGINAL, Ecs.MESSAGE};

    private final TaxonomyMapping mapping;
    private final Placeholders placeholders;
    private final ZoneId zone;

    public RuleCompiler(TaxonomyMapping mapping, Placeholders placeholders, ZoneId zone) {
        this.mapping = mapping;
        this.placeholders = placeholders;
        this.zone = zone;
    }

    public CompiledRule compile(SigmaRule rule, List<SigmaFilter> filters, String source) throws InvalidRuleException {
        LogSource logSource = rule.logSource();
        LogSourceResolution resolution = mapping.resolve(logSource);
        if (resolution instanceof LogSourceResolution.NotIngested not) {
            throw new InvalidRuleException(Kind.NOT_INGESTED, rule.logSourcePosition(), not.reason());
        }
        LogSourceResolution.Ingested ingested = (LogSourceResolution.Ingested) resolution;
        List<EventTest> all = new ArrayList<>();
        for (FieldItem item : ingested.where()) {
            all.add(item(item, logSource));
        }
        all.add(detection(rule.detection(), logSource));
        for (SigmaFilter filter : filters) {
            all.add(detection(filter.detection(), logSource));
        }
        EventTest test = and(all);
        Match match = new Match(rule.info().id(), rule.info().title(), rule.info().version(), rule.info().level(),
                rule.info().tags(), rule.info().techniques(), true);
        return new CompiledRule(rule.info(), logSource, ingested.datasets(), test, 0, source, match);
    }

    /** The ECS name for a Sigma field in rules of this log source; used for correlation group-by fields too. */
    public String ecsField(String sigmaField, LogSource logSource, com.ramparts.detection.yaml.Position position)
            throws InvalidRuleException {
        return mapping.ecsField(sigmaField, logSource).orElseThrow(() -> new InvalidRuleException(Kind.UNSUPPORTED,
                position, "field '" + sigmaField + "' is not in the Sigma-to-ECS mapping for logsource " + logSource
                        + " (map it in sigma-ecs.yml, or use its ECS name)"));
    }

    private EventTest detection(Detection detection, LogSource logSource) throws InvalidRuleException {
        Map<String, EventTest> identifiers = new LinkedHashMap<>();
        for (SearchIdentifier identifier : detection.identifiers().values()) {
            identifiers.put(identifier.name(), node(identifier.body(), logSource));
        }
        List<EventTest> conditions = new ArrayList<>();
        for (ConditionText text : detection.conditions()) {
            Condition condition;
            try {
                condition = ConditionParser.parse(text.text());
            } catch (ConditionSyntaxException e) {
                throw new InvalidRuleException(RuleParser.positionIn(text, e.offset()), "condition: " + e.getMessage());
            }
            conditions.add(condition(condition, identifiers, text));
        }
        return or(conditions);
    }

    private EventTest condition(Condition condition, Map<String, EventTest> identifiers, ConditionText text)
            throws InvalidRuleException {
        return switch (condition) {
            case Condition.Ref ref -> {
                EventTest test = identifiers.get(ref.name());
                if (test == null) {
                    throw new InvalidRuleException(RuleParser.positionIn(text, ref.offset()), "condition: unknown search"
                            + " identifier '" + ref.name() + "' (defined: " + identifiers.keySet() + ")");
                }
                yield test;
            }
            case Condition.And and -> {
                List<EventTest> operands = new ArrayList<>();
                for (Condition operand : and.operands()) {
                    operands.add(condition(operand, identifiers, text));
                }
                yield and(operands);
            }
            case Condition.Or or -> {
                List<EventTest> operands = new ArrayList<>();
                for (Condition operand : or.operands()) {
                    operands.add(condition(operand, identifiers, text));
                }
                yield or(operands);
            }
            case Condition.Not not -> new EventTest.Not(condition(not.operand(), identifiers, text));
            case Condition.Of of -> {
                List<EventTest> operands = new ArrayList<>();
                Pattern pattern = of.isThem() ? null : identifierPattern(of.pattern());
                for (Map.Entry<String, EventTest> entry : identifiers.entrySet()) {
                    boolean selected = of.isThem() ? !entry.getKey().startsWith("_")
                            : pattern.matcher(entry.getKey()).matches();
                    if (selected) {
                        operands.add(entry.getValue());
                    }
                }
                if (operands.isEmpty()) {
                    throw new InvalidRuleException(RuleParser.positionIn(text, of.offset()), "condition: '"
                            + of.pattern() + "' matches no search identifier (defined: " + identifiers.keySet() + ")");
                }
                yield of.quantifier() == Condition.Quantifier.ALL ? and(operands) : or(operands);
            }
        };
    }

    private static Pattern identifierPattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private EventTest node(DetectionNode node, LogSource logSource) throws InvalidRuleException {
        return switch (node) {
            case DetectionNode.AllOf allOf -> {
                List<EventTest> items = new ArrayList<>();
                for (DetectionNode item : allOf.items()) {
                    items.add(node(item, logSource));
                }
                yield and(items);
            }
            case DetectionNode.AnyOf anyOf -> {
                List<EventTest> items = new ArrayList<>();
                for (DetectionNode item : anyOf.items()) {
                    items.add(node(item, logSource));
                }
                yield or(items);
            }
            case FieldItem item -> item(item, logSource);
        };
    }

    private EventTest item(FieldItem item, LogSource logSource) throws InvalidRuleException {
        MatchSpec spec = ModifierChain.apply(item, placeholders);
        EventTest test = item.isKeyword() ? keywords(spec) : field(item, spec, logSource);
        return spec.negated() ? new EventTest.Not(test) : test;
    }

    private EventTest keywords(MatchSpec spec) throws InvalidRuleException {
        List<ValueTest> tests = new ArrayList<>();
        for (Value value : spec.values()) {
            if (value instanceof Value.StringPattern pattern) {
                SigmaString string = pattern.pattern();
                if (!string.startsWithAny()) {
                    string = string.prepend(SigmaString.Wildcard.ANY);
                }
                if (!string.endsWithAny()) {
                    string = string.append(SigmaString.Wildcard.ANY);
                }
                tests.add(new ValueTest.PatternTest(StringMatcher.compile(string, pattern.cased())));
            } else {
                tests.add(valueTest(value));
            }
        }
        return new EventTest.Keywords(KEYWORD_FIELDS, tests.toArray(ValueTest[]::new), spec.all());
    }

    private EventTest field(FieldItem item, MatchSpec spec, LogSource logSource) throws InvalidRuleException {
        String field = ecsField(item.field(), logSource, item.position());
        List<ValueTest> plain = new ArrayList<>();
        List<ValueTest.TimePartTest> timestamp = new ArrayList<>();
        List<EventTest> special = new ArrayList<>();
        for (Value value : spec.values()) {
            switch (value) {
                case Value.NullValue n -> special.add(new EventTest.IsNull(field));
                case Value.Exists exists -> special.add(new EventTest.Exists(field, exists.exists()));
                case Value.FieldRef ref -> special.add(new EventTest.FieldRefTest(field,
                        ecsField(ref.field(), logSource, item.position()), ref.startsWith(), ref.endsWith(), ref.cased()));
                case Value.TimePart part when field.equals(Ecs.TIMESTAMP) ->
                        timestamp.add(new ValueTest.TimePartTest(part, zone));
                default -> plain.add(valueTest(value));
            }
        }
        List<EventTest> tests = new ArrayList<>();
        if (!plain.isEmpty()) {
            tests.add(new FieldTest(field, plain.toArray(ValueTest[]::new), spec.all()));
        }
        if (!timestamp.isEmpty()) {
            tests.add(new EventTest.TimestampTest(timestamp.toArray(ValueTest.TimePartTest[]::new), spec.all()));
        }
        tests.addAll(special);
        return spec.all() ? and(tests) : or(tests);
    }

    private ValueTest valueTest(Value value) {
        return switch (value) {
            case Value.StringPattern pattern -> new ValueTest.PatternTest(StringMatcher.compile(pattern.pattern(),
                    pattern.cased()));
            case Value.NumberValue number -> new ValueTest.NumberTest(number.value());
            case Value.BooleanValue bool -> new ValueTest.BooleanTest(bool.value());
            case Value.Regex regex -> new ValueTest.RegexTest(regex.pattern());
            case Value.Network network -> new ValueTest.NetworkTest(network);
            case Value.Compare compare -> new ValueTest.CompareTest(compare);
            case Value.TimePart part -> new ValueTest.TimePartTest(part, zone);
            case Value.NullValue n -> throw new IllegalStateException("null is compiled as a field test");
            case Value.Exists e -> throw new IllegalStateException("exists is compiled as a field test");
            case Value.FieldRef r -> throw new IllegalStateException("fieldref is compiled as a field test");
        };
    }

    static EventTest and(List<EventTest> operands) {
        List<EventTest> flat = new ArrayList<>();
        for (EventTest operand : operands) {
            if (operand instanceof And and) {
                flat.addAll(List.of(and.operands()));
            } else {
                flat.add(operand);
            }
        }
        return flat.size() == 1 ? flat.getFirst() : new And(flat.toArray(EventTest[]::new));
    }

    static EventTest or(List<EventTest> operands) {
        List<EventTest> flat = new ArrayList<>();
        for (EventTest operand : operands) {
            if (operand instanceof Or or) {
                flat.addAll(List.of(or.operands()));
            } else {
                flat.add(operand);
            }
        }
        return flat.size() == 1 ? flat.getFirst() : new Or(flat.toArray(EventTest[]::new));
    }
}
