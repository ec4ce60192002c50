package com.ramparts.soc.incident;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.alert.AlertMessage;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which incident an alert belongs to: drill exercise (or production), site, host when the alert names one, and the
 * related-rules key (the rule group, else the ATT&CK tactic when grouping by tactic, else the rule).
 */
final class Grouping {

    /** Technique tags are {@code attack.t1046}; other {@code attack.*} tags are tactics or groups/software. */
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.t\\d{4}(\\.\\d{3})?");
    private static final Pattern NON_TACTIC = Pattern.compile("attack\\.[gs]\\d{4}");
    private static final String[] HOST_FIELDS = {"host.name", "host.hostname", "host.id"};

    private final SocProperties.Incidents settings;

    Grouping(SocProperties.Incidents settings) {
        this.settings = settings;
    }

    record Key(String value, String host) {
    }

    Key of(AlertMessage alert) {
        String host = host(alert);
        String related = settings.groupOf(alert.ruleId()).map(group -> "group:" + group)
                .or(() -> "tactic".equals(settings.groupBy()) ? tactic(alert).map(t -> "tactic:" + t) : Optional.empty())
                .orElse("rule:" + alert.ruleId());
        String scope = alert.exerciseId() == null ? "prod" : "drill:" + alert.exerciseId();
        String value = String.join("|", scope, "site:" + nullToEmpty(alert.siteId()), "host:" + nullToEmpty(host), related);
        return new Key(value.length() > 600 ? value.substring(0, 600) : value, host);
    }

    private static String host(AlertMessage alert) {
        for (String field : HOST_FIELDS) {
            String value = alert.groupKey().get(field);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static Optional<String> tactic(AlertMessage alert) {
        return alert.tags().stream().map(tag -> tag.toLowerCase(Locale.ROOT))
                .filter(tag -> tag.startsWith("attack.") && !TECHNIQUE.matcher(tag).matches() && !NON_TACTIC.matcher(tag).matches())
                .map(tag -> tag.substring("attack.".length())).sorted().findFirst();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
