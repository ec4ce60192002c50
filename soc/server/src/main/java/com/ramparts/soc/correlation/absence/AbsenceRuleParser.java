package com.ramparts.soc.correlation.absence;

import com.ramparts.detection.load.Problem;
import com.ramparts.detection.rule.Level;
import com.ramparts.detection.rule.RuleInfo;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;
import com.ramparts.detection.yaml.YamlLimits;
import com.ramparts.detection.yaml.YamlNode;
import com.ramparts.detection.yaml.YamlNode.MapNode;
import com.ramparts.detection.yaml.YamlNode.Scalar;
import com.ramparts.detection.yaml.YamlNode.SeqNode;
import com.ramparts.detection.yaml.YamlReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads absence rules: Sigma-style metadata (title, id, level, tags, date, modified, description...)
 * and an {@code absence:} block. A document it cannot use becomes a {@link Problem} with its
 * position; the other documents still load.
 *
 * <pre>
 * title: Expected source silent
 * id: 0b0c...
 * level: high
 * absence:
 *   expect: sources          # every dataset the site registry expects from the site
 *   timespan: 30m
 * ---
 * title: Agent heartbeat missing
 * id: 0b0d...
 * absence:
 *   rules: [ramparts_heartbeat]   # Sigma detection rules, by id or name
 *   timespan: 5m
 * </pre>
 */
public final class AbsenceRuleParser {

    /** The Sigma timespan syntax; absence windows may be longer than correlation ones (a week of no backup). */
    private static final Pattern TIMESPAN = Pattern.compile("([1-9][0-9]{0,8})([smhdw])");
    private static final Duration MAX_TIMESPAN = Duration.ofDays(366);
    private static final Set<String> ABSENCE_KEYS = Set.of("expect", "rules", "timespan");

    /** The rules read and the problems found. */
    public record Parsed(List<AbsenceRule> rules, List<Problem> problems) {
    }

    private record Invalid(Position position, String message) {
    }

    private static final class InvalidException extends Exception {
        private final transient Invalid invalid;

        InvalidException(Position position, String message) {
            super(message, null, false, false);
            this.invalid = new Invalid(position, message);
        }
    }

    public Parsed parse(String file, String text) {
        List<AbsenceRule> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (YamlReader.Document document : new YamlReader(YamlLimits.DEFAULT).read(file, text)) {
            if (document.problem() != null) {
                problems.add(new Problem(file, document.problem().position(), "", Kind.INVALID,
                        document.problem().getMessage()));
                continue;
            }
            if (document.root() instanceof Scalar scalar && scalar.isNull()) {
                continue;
            }
            String title = document.root() instanceof MapNode map && map.get("title") instanceof Scalar t ? t.text() : "";
            try {
                rules.add(rule(file, document.root()));
            } catch (InvalidException e) {
                problems.add(new Problem(file, e.invalid.position(), title, Kind.INVALID, e.invalid.message()));
            }
        }
        return new Parsed(rules, problems);
    }

    private static AbsenceRule rule(String file, YamlNode root) throws InvalidException {
        if (!(root instanceof MapNode map)) {
            throw new InvalidException(root.position(), "an absence rule must be a map, not " + root.describe());
        }
        String title = requiredText(map, "title");
        String id = requiredText(map, "id");
        Level level = Level.MEDIUM;
        if (map.get("level") != null) {
            level = Level.parse(text(map, "level"));
            if (level == null) {
                throw new InvalidException(map.get("level").position(),
                        "level must be informational, low, medium, high or critical");
            }
        }
        List<String> tags = map.get("tags") == null ? List.of() : strings(map.get("tags"), "tags");
        if (!(map.get("absence") instanceof MapNode absence)) {
            throw new InvalidException(map.position(), map.get("absence") == null
                    ? "the rule has no 'absence' block (absence rules live in *.absence.yml files)"
                    : "'absence' must be a map, not " + map.get("absence").describe());
        }
        for (YamlNode.Entry entry : absence.entries()) {
            if (!ABSENCE_KEYS.contains(entry.key().text())) {
                throw new InvalidException(entry.key().position(), "unknown key 'absence." + entry.key().text()
                        + "'; expected one of expect, rules, timespan");
            }
        }
        AbsenceRule.Expectation expectation;
        if (absence.get("expect") != null && absence.get("rules") != null) {
            throw new InvalidException(absence.position(), "write either 'expect: sources' or 'rules: [...]', not both");
        } else if (absence.get("expect") != null) {
            if (!"sources".equals(text(absence, "expect"))) {
                throw new InvalidException(absence.get("expect").position(), "'expect' can only be 'sources'"
                        + " (the site's expected sources in the site registry)");
            }
            expectation = new AbsenceRule.ExpectedSources();
        } else if (absence.get("rules") != null) {
            List<String> rules = strings(absence.get("rules"), "absence.rules");
            if (rules.isEmpty()) {
                throw new InvalidException(absence.get("rules").position(), "'absence.rules' names no rule");
            }
            expectation = new AbsenceRule.Matches(rules);
        } else {
            throw new InvalidException(absence.position(), "the absence block needs 'expect: sources' or 'rules: [...]'");
        }
        RuleInfo info = new RuleInfo(id, Optional.empty(), title, Optional.empty(), level, optionalText(map, "description"),
                optionalText(map, "author"), List.of(), tags, List.of(), List.of(), optionalText(map, "date"),
                optionalText(map, "modified"), Map.of());
        return new AbsenceRule(info, expectation, timespan(absence), file);
    }

    private static Duration timespan(MapNode absence) throws InvalidException {
        YamlNode node = absence.get("timespan");
        if (node == null) {
            throw new InvalidException(absence.position(), "the absence block has no 'timespan'");
        }
        String text = node instanceof Scalar scalar ? scalar.text() : "";
        Matcher matcher = TIMESPAN.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidException(node.position(), "the timespan '" + text
                    + "' is not a positive number followed by s, m, h, d or w (for example 30m)");
        }
        long count = Long.parseLong(matcher.group(1));
        Duration timespan = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(count);
            case "m" -> Duration.ofMinutes(count);
            case "h" -> Duration.ofHours(count);
            case "d" -> Duration.ofDays(count);
            default -> Duration.ofDays(7 * count);
        };
        if (timespan.compareTo(MAX_TIMESPAN) > 0) {
            throw new InvalidException(node.position(), "the timespan '" + text + "' is longer than a year");
        }
        return timespan;
    }

    private static Optional<String> optionalText(MapNode map, String key) throws InvalidException {
        return map.get(key) == null ? Optional.empty() : Optional.of(text(map, key));
    }

    private static String requiredText(MapNode map, String key) throws InvalidException {
        if (map.get(key) == null) {
            throw new InvalidException(map.position(), "the rule has no '" + key + "'");
        }
        return text(map, key);
    }

    private static String text(MapNode map, String key) throws InvalidException {
        YamlNode node = map.get(key);
        if (!(node instanceof Scalar scalar) || scalar.isNull() || scalar.text().isBlank()) {
            throw new InvalidException(node.position(), "'" + key + "' must be a text, not " + node.describe());
        }
        return scalar.text();
    }

    private static List<String> strings(YamlNode node, String what) throws InvalidException {
        if (node instanceof Scalar scalar && !scalar.isNull()) {
            return List.of(scalar.text());
        }
        if (!(node instanceof SeqNode seq)) {
            throw new InvalidException(node.position(), "'" + what + "' must be a list of texts, not " + node.describe());
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof Scalar scalar) || scalar.isNull()) {
                throw new InvalidException(item.position(), "'" + what + "' must hold texts, not " + item.describe());
            }
            values.add(scalar.text());
        }
        return values;
    }
}
