package com.ramparts.detection.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every Sigma document says about itself. {@code extensions} keeps our own scalar attributes
 * (for example {@code description_vi}) and any other the specification does not define.
 *
 * @param id       the rule's id (a UUID by convention); when a rule has none, its title stands in
 * @param name     the optional {@code name} correlation rules refer to
 * @param modified the {@code modified} date, else the {@code date}, else empty: the rule's version
 */
public record RuleInfo(
        String id,
        Optional<String> name,
        String title,
        Optional<Status> status,
        Level level,
        Optional<String> description,
        Optional<String> author,
        List<String> references,
        List<String> tags,
        List<String> falsePositives,
        List<String> fields,
        Optional<String> date,
        Optional<String> modified,
        Map<String, String> extensions) {

    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.(t\\d{4})(?:\\.(\\d{3}))?");

    public RuleInfo {
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        falsePositives = List.copyOf(falsePositives);
        fields = List.copyOf(fields);
        extensions = Map.copyOf(extensions);
    }

    /** The rule's version for alerts: its last modification date, or its creation date. */
    public String version() {
        return modified.or(() -> date).orElse("");
    }

    /** ATT&CK technique ids from tags such as {@code attack.t1110.001}: {@code T1110.001}. */
    public List<String> techniques() {
        List<String> techniques = new ArrayList<>();
        for (String tag : tags) {
            Matcher matcher = TECHNIQUE.matcher(tag.toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                String id = matcher.group(1).toUpperCase(Locale.ROOT)
                        + (matcher.group(2) == null ? "" : "." + matcher.group(2));
                if (!techniques.contains(id)) {
                    techniques.add(id);
                }
            }
        }
        return List.copyOf(techniques);
    }

    /** An extension attribute such as {@code description_vi}. */
    public Optional<String> extension(String key) {
        return Optional.ofNullable(extensions.get(key));
    }
}
