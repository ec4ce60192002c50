package com.ramparts.detection.rule;

import java.util.Optional;

/** A rule's {@code logsource}: any of category, product and service (lower case, as Sigma writes them). */
public record LogSource(Optional<String> category, Optional<String> product, Optional<String> service) {

    public static LogSource of(String category, String product, String service) {
        return new LogSource(Optional.ofNullable(category), Optional.ofNullable(product), Optional.ofNullable(service));
    }

    public boolean isEmpty() {
        return category.isEmpty() && product.isEmpty() && service.isEmpty();
    }

    /**
     * Whether every part this log source names is also named, equally, by {@code other}: a filter
     * for {@code product: windows} applies to a rule for {@code product: windows, category: x}.
     */
    public boolean covers(LogSource other) {
        return (category.isEmpty() || category.equals(other.category))
                && (product.isEmpty() || product.equals(other.product))
                && (service.isEmpty() || service.equals(other.service));
    }

    /** As Sigma tools print it: {@code product/category/service}, absent parts left out. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        product.ifPresent(p -> text.append(p));
        category.ifPresent(c -> text.append(text.isEmpty() ? "" : "/").append(c));
        service.ifPresent(s -> text.append(text.isEmpty() ? "" : "/").append(s));
        return text.isEmpty() ? "(empty)" : text.toString();
    }
}
