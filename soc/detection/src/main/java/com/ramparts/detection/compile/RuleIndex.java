package com.ramparts.detection.compile;

import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of one dataset, each filed under the cheapest set of {@link Need}s one of which any
 * event it matches satisfies (see {@link Requirements}). Per field, one lookup finds the rules an
 * event value can concern: a hash map for equality keys, an Aho-Corasick automaton for literals
 * (contains, startswith, endswith, keywords, wildcard and regex literals), a bit trie for CIDR
 * networks, a list for mere presence. Only those rules, and the few that need nothing
 * ("always tested"), are tested in full.
 *
 * <p>A need's cost is its prior (how likely an event satisfies it) times the number of rules of
 * the dataset that mention it, so a rule is filed under what sets it apart: its port, not the
 * {@code action: deny} a hundred rules share.
 */
final class RuleIndex {

    private final CompiledRule[] rules;
    private final int[] always;
    private final FieldIndex[] fields;

    private RuleIndex(CompiledRule[] rules, int[] always, FieldIndex[] fields) {
        this.rules = rules;
        this.always = always;
        this.fields = fields;
    }

    static RuleIndex build(List<CompiledRule> rules) {
        Map<Need, Integer> shared = new HashMap<>();
        for (CompiledRule rule : rules) {
            Set<Need> mentioned = new HashSet<>();
            Requirements.cheapest(rule.test(), need -> {
                mentioned.add(need);
                return need.prior();
            });
            mentioned.forEach(need -> shared.merge(need, 1, Integer::sum));
        }
        Map<Need, List<Integer>> filed = new LinkedHashMap<>();
        List<Integer> always = new ArrayList<>();
        for (int id = 0; id < rules.size(); id++) {
            Requirements.Clause clause = Requirements.cheapest(rules.get(id).test(),
                    need -> shared.getOrDefault(need, 1) * need.prior());
            if (clause == null) {
                always.add(id);
                continue;
            }
            for (Need need : new LinkedHashSet<>(clause.needs())) {
                filed.computeIfAbsent(need, n -> new ArrayList<>()).add(id);
            }
        }
        Map<String, FieldIndex.Builder> byField = new LinkedHashMap<>();
        filed.forEach((need, ids) -> byField.computeIfAbsent(need.field(), FieldIndex.Builder::new)
                .add(need, ids.stream().mapToInt(Integer::intValue).toArray()));
        return new RuleIndex(rules.toArray(CompiledRule[]::new), always.stream().mapToInt(Integer::intValue).toArray(),
                byField.values().stream().map(FieldIndex.Builder::build).toArray(FieldIndex[]::new));
    }

    /** Adds the rules that match to {@code matched}; returns how many rules were actually tested. */
    int collect(TelemetryEvent event, List<CompiledRule> matched) {
        Candidates candidates = new Candidates(rules, event, matched);
        candidates.offer(always);
        for (FieldIndex field : fields) {
            FieldValue value = event.field(field.field());
            if (value != null) {
                field.collect(value, candidates);
            }
        }
        return candidates.tested();
    }

    /** How many rules need nothing the index can look up, and so are tested against every event. */
    int alwaysTested() {
        return always.length;
    }

    /**
     * The rules filed under one field; absent kinds of lookup are null. {@code textRules} are those
     * filed under equality keys and literals, all offered for a value with a lone surrogate, on
     * which case-insensitive comparison is erratic (see {@link Fold}).
     */
    private record FieldIndex(String field, int[] present, Map<String, int[]> equal, LiteralAutomaton literals,
            NetworkTrie networks, int[] textRules) {

        void collect(FieldValue value, Candidates out) {
            if (present != null) {
                out.offer(present);
            }
            if (textRules.length > 0 && hasLoneSurrogate(value)) {
                out.offer(textRules);
            }
            if (equal != null) {
                for (String key : EqualityKeys.of(value)) {
                    int[] ids = equal.get(key);
                    if (ids != null) {
                        out.offer(ids);
                    }
                }
            }
            if (literals != null || networks != null) {
                switch (value) {
                    case StringValue s -> texts(s.value(), out);
                    case StringList list -> list.values().forEach(text -> texts(text, out));
                    case LongValue l -> texts(Long.toString(l.value()), out);
                    case DoubleValue d -> texts(Double.toString(d.value()), out);
                    case BooleanValue b -> texts(b.value() ? "true" : "false", out);
                }
            }
        }

        private static boolean hasLoneSurrogate(FieldValue value) {
            return switch (value) {
                case StringValue s -> Fold.hasLoneSurrogate(s.value());
                case StringList list -> list.values().stream().anyMatch(Fold::hasLoneSurrogate);
                default -> false;
            };
        }

        /** Each text a string matcher would see: a number as its decimal text, as {@link ValueTest} does. */
        private void texts(String text, Candidates out) {
            if (literals != null) {
                literals.collect(text, out);
            }
            if (networks != null) {
                networks.collect(text, out);
            }
        }

        private static final class Builder {
            private final String field;
            private final List<Integer> present = new ArrayList<>();
            private final Map<String, int[]> equal = new HashMap<>();
            private final Map<Need.Literal, int[]> literals = new LinkedHashMap<>();
            private final Map<Need.Network, int[]> networks = new LinkedHashMap<>();

            Builder(String field) {
                this.field = field;
            }

            void add(Need need, int[] ids) {
                switch (need) {
                    case Need.Present p -> {
                        for (int id : ids) {
                            present.add(id);
                        }
                    }
                    case Need.Equal e -> equal.put(e.key(), ids);
                    case Need.Literal l -> literals.put(l, ids);
                    case Need.Network n -> networks.put(n, ids);
                }
            }

            FieldIndex build() {
                Set<Integer> text = new TreeSet<>();
                equal.values().forEach(ids -> Arrays.stream(ids).forEach(text::add));
                literals.values().forEach(ids -> Arrays.stream(ids).forEach(text::add));
                return new FieldIndex(field, present.isEmpty() ? null : present.stream().mapToInt(Integer::intValue).toArray(),
                        equal.isEmpty() ? null : Map.copyOf(equal),
                        literals.isEmpty() ? null : LiteralAutomaton.build(literals),
                        networks.isEmpty() ? null : NetworkTrie.build(networks),
                        text.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }
}
