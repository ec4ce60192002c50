package com.ramparts.detection.compile;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compiled detection rules, indexed by {@code event.dataset} and then by what each rule requires of
 * an event (values, literals, networks: see {@link RuleIndex}).
 * Immutable and thread-safe: build a new one to reload rules, and swap it in.
 */
public final class RuleSet {

    public static final RuleSet EMPTY = of(List.of());

    private final List<CompiledRule> rules;
    private final Map<String, RuleIndex> byDataset;
    private final Map<String, CompiledRule> byId;

    private RuleSet(List<CompiledRule> rules) {
        this.rules = rules;
        Map<String, List<CompiledRule>> grouped = new HashMap<>();
        Map<String, CompiledRule> ids = new HashMap<>();
        for (CompiledRule rule : rules) {
            for (String dataset : rule.datasets()) {
                grouped.computeIfAbsent(dataset, d -> new ArrayList<>()).add(rule);
            }
            ids.putIfAbsent(rule.info().id(), rule);
        }
        Map<String, RuleIndex> indexes = new HashMap<>();
        grouped.forEach((dataset, list) -> indexes.put(dataset, RuleIndex.build(list)));
        this.byDataset = Map.copyOf(indexes);
        this.byId = Map.copyOf(ids);
    }

    /** A rule set of these rules, numbered in the given order (which is the order of matches). */
    public static RuleSet of(List<CompiledRule> rules) {
        List<CompiledRule> numbered = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            numbered.add(rules.get(i).withOrdinal(i));
        }
        return new RuleSet(List.copyOf(numbered));
    }

    /** The rules that match the event, in rule-set order. Events without {@code event.dataset} match none. */
    public List<Match> match(TelemetryEvent event) {
        List<CompiledRule> matched = matchRules(event);
        if (matched.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>(matched.size());
        for (CompiledRule rule : matched) {
            matches.add(rule.match());
        }
        return matches;
    }

    /** Like {@link #match} but the compiled rules themselves. */
    public List<CompiledRule> matchRules(TelemetryEvent event) {
        RuleIndex index = index(event);
        if (index == null) {
            return List.of();
        }
        List<CompiledRule> matched = new ArrayList<>(2);
        index.collect(event, matched);
        if (matched.size() > 1) {
            matched.sort(Comparator.comparingInt(CompiledRule::ordinal));
        }
        return matched;
    }

    /** How many rules the index lets through to be tested for this event (for tests and benchmarks). */
    public int candidates(TelemetryEvent event) {
        RuleIndex index = index(event);
        return index == null ? 0 : index.collect(event, new ArrayList<>());
    }

    /**
     * Per dataset, how many rules the index cannot narrow down (they need nothing it can look up,
     * e.g. only {@code not} or numeric comparisons) and so are tested against each of its events.
     */
    public Map<String, Integer> alwaysTested() {
        Map<String, Integer> counts = new TreeMap<>();
        byDataset.forEach((dataset, index) -> counts.put(dataset, index.alwaysTested()));
        return counts;
    }

    private RuleIndex index(TelemetryEvent event) {
        FieldValue dataset = event.field(Ecs.EVENT_DATASET);
        return dataset instanceof FieldValue.StringValue s ? byDataset.get(s.value()) : null;
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    public Optional<CompiledRule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return rules.size();
    }
}
