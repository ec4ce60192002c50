package com.ramparts.detection.modifier;

import java.util.List;

/**
 * What one {@code field|modifiers: values} line means once its modifiers are applied: the values,
 * whether all must match ({@code all}) or one, and whether the whole is negated ({@code neq}).
 */
public record MatchSpec(List<Value> values, boolean all, boolean negated) {

    public MatchSpec {
        values = List.copyOf(values);
    }
}
