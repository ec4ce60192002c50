package com.ramparts.detection.cli;

import com.ramparts.detection.load.Problem;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;
import com.ramparts.detection.yaml.YamlLimits;
import com.ramparts.detection.yaml.YamlNode;
import com.ramparts.detection.yaml.YamlNode.MapNode;
import com.ramparts.detection.yaml.YamlNode.Scalar;
import com.ramparts.detection.yaml.YamlNode.SeqNode;
import com.ramparts.detection.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ramparts' conventions beyond what the loader requires: every rule (detection or correlation) has a
 * UUID {@code id}, a {@code title}, a {@code level}, {@code tags} with at least one ATT&amp;CK technique,
 * {@code description} and a Vietnamese {@code description_vi}, {@code falsepositives}, and a test file.
 * Filters need only an id and a title.
 */
public final class ConventionLinter {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.t\\d{4}(\\.\\d{3})?");

    private ConventionLinter() {
    }

    public static List<Problem> lint(Path file) {
        List<Problem> problems = new ArrayList<>();
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            problems.add(new Problem(name, Position.UNKNOWN, "", Kind.INVALID, "cannot read: " + e.getMessage()));
            return problems;
        }
        boolean anyRule = false;
        for (YamlReader.Document document : new YamlReader(YamlLimits.DEFAULT).read(name, text)) {
            if (!(document.root() instanceof MapNode map)) {
                continue; // the loader reports unreadable documents
            }
            anyRule = true;
            String rule = text(map, "title");
            rule = rule.isEmpty() ? text(map, "id") : rule;
            List<String> missing = new ArrayList<>();
            String id = text(map, "id");
            if (!UUID.matcher(id).matches()) {
                problems.add(problem(name, map, "id", rule, id.isEmpty() ? "no id" : "id '" + id + "' is not a lower-case UUID"));
            }
            if (text(map, "title").isEmpty()) {
                missing.add("title");
            }
            if (map.get("filter") == null) {
                if (text(map, "level").isEmpty()) {
                    missing.add("level");
                }
                if (text(map, "description").isEmpty()) {
                    missing.add("description");
                }
                String vi = text(map, "description_vi");
                if (vi.isEmpty()) {
                    missing.add("description_vi");
                } else if (vi.chars().allMatch(c -> c < 128)) {
                    problems.add(problem(name, map, "description_vi", rule,
                            "description_vi has no Vietnamese letters (write it in Vietnamese, with diacritics)"));
                }
                if (strings(map.get("falsepositives")).isEmpty()) {
                    missing.add("falsepositives");
                }
                if (strings(map.get("tags")).stream().noneMatch(t -> TECHNIQUE.matcher(t).matches())) {
                    problems.add(problem(name, map, "tags", rule, "tags name no ATT&CK technique (attack.tNNNN)"));
                }
            }
            for (String attribute : missing) {
                problems.add(new Problem(name, map.position(), rule, Kind.INVALID, "no " + attribute));
            }
        }
        if (anyRule && !Files.isRegularFile(RuleLibrary.testFile(file))) {
            problems.add(new Problem(name, new Position(1, 1), "", Kind.INVALID,
                    "no test file " + RuleLibrary.testFile(file).getFileName()));
        }
        return problems;
    }

    private static Problem problem(String file, MapNode map, String key, String rule, String message) {
        YamlNode.Entry entry = map.entry(key);
        Position position = entry == null ? map.position() : entry.value().position();
        return new Problem(file, position, rule, Kind.INVALID, message);
    }

    private static String text(MapNode map, String key) {
        return map.get(key) instanceof Scalar scalar && !scalar.isNull() ? scalar.text().strip() : "";
    }

    private static List<String> strings(YamlNode node) {
        List<String> values = new ArrayList<>();
        if (node instanceof SeqNode seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
                    values.add(scalar.text().strip());
                }
            }
        }
        return values;
    }
}
