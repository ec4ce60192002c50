package com.ramparts.detection.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a compiled test needs of an event, for the index: the cheapest set of {@link Need}s such
 * that every event the test accepts satisfies at least one of them. Under AND any one operand's
 * set will do; under OR every operand must contribute one (their union); NOT, null tests and time
 * parts need nothing, which leaves the rule to be always tested unless an AND sibling needs
 * something.
 */
final class Requirements {

    private Requirements() {
    }

    /** Needs one of which every accepted event satisfies; {@code cost} is their expected tests. */
    record Clause(List<Need> needs, double cost) {

        static Clause union(Clause a, Clause b) {
            if (a == null || b == null) {
                return null;
            }
            List<Need> needs = new ArrayList<>(a.needs);
            needs.addAll(b.needs);
            return new Clause(needs, a.cost + b.cost);
        }

        static Clause cheaper(Clause a, Clause b) {
            return a == null || (b != null && b.cost < a.cost) ? b : a;
        }
    }

    /** The cheapest clause, or null when the test could accept an event with nothing known. */
    static Clause cheapest(EventTest test, ToDoubleFunction<Need> cost) {
        return switch (test) {
            case EventTest.Constant constant -> constant.value() ? null : new Clause(List.of(), 0);
            case EventTest.And and -> {
                Clause best = null;
                for (EventTest operand : and.operands()) {
                    best = Clause.cheaper(best, cheapest(operand, cost));
                }
                yield best;
            }
            case EventTest.Or or -> {
                Clause union = new Clause(List.of(), 0);
                for (EventTest operand : or.operands()) {
                    union = Clause.union(union, cheapest(operand, cost));
                }
                yield union;
            }
            case EventTest.Not not -> null;
            case EventTest.FieldTest field -> {
                Clause values = combine(field.values(), field.field(), field.all(), cost);
                yield Clause.cheaper(one(new Need.Present(field.field()), cost), values);
            }
            case EventTest.Keywords keywords -> {
                Clause anyField = new Clause(List.of(), 0);
                for (String field : keywords.fields()) {
                    anyField = Clause.union(anyField, one(new Need.Present(field), cost));
                }
                Clause values = null;
                boolean first = true;
                for (var value : keywords.values()) {
                    Clause inSomeField = new Clause(List.of(), 0);
                    for (String field : keywords.fields()) {
                        inSomeField = Clause.union(inSomeField, cheapest(value.needs(field), cost));
                    }
                    values = first ? inSomeField
                            : keywords.all() ? Clause.cheaper(values, inSomeField) : Clause.union(values, inSomeField);
                    first = false;
                }
                yield Clause.cheaper(anyField, values);
            }
            case EventTest.Exists exists -> exists.exists() ? one(new Need.Present(exists.field()), cost) : null;
            case EventTest.FieldRefTest ref -> Clause.cheaper(one(new Need.Present(ref.field()), cost),
                    one(new Need.Present(ref.other()), cost));
            case EventTest.IsNull isNull -> null;
            case EventTest.TimestampTest time -> null;
        };
    }

    /** The values of one field test: all of them (with {@code all}) or any one must pass. */
    private static Clause combine(ValueTest[] values, String field, boolean all, ToDoubleFunction<Need> cost) {
        Clause combined = null;
        for (int i = 0; i < values.length; i++) {
            Clause each = cheapest(values[i].needs(field), cost);
            combined = i == 0 ? each : all ? Clause.cheaper(combined, each) : Clause.union(combined, each);
        }
        return combined;
    }

    /** The cheapest disjunction of a conjunction of disjunctions. */
    private static Clause cheapest(List<List<Need>> conjunction, ToDoubleFunction<Need> cost) {
        Clause best = null;
        for (List<Need> anyOf : conjunction) {
            double sum = 0;
            for (Need need : anyOf) {
                sum += cost.applyAsDouble(need);
            }
            best = Clause.cheaper(best, new Clause(anyOf, sum));
        }
        return best;
    }

    private static Clause one(Need need, ToDoubleFunction<Need> cost) {
        return new Clause(List.of(need), cost.applyAsDouble(need));
    }
}
