package com.ramparts.detection.modifier;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values for the {@code expand} modifier's placeholders ({@code %Servers%} -> {@code srv-*}, ...),
 * configured per deployment. Each value is a Sigma string: it may hold wildcards.
 */
public record Placeholders(Map<String, List<String>> values) {

    public static final Placeholders NONE = new Placeholders(Map.of());

    public Placeholders {
        values = Map.copyOf(values);
        values.forEach((name, list) -> {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("placeholder %" + name + "% has no values");
            }
        });
    }

    public Optional<List<String>> lookup(String name) {
        return Optional.ofNullable(values.get(name)).map(List::copyOf);
    }
}
