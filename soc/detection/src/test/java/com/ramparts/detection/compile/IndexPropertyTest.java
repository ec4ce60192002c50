package com.ramparts.detection.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.detection.load.RuleLoader;
import com.ramparts.detection.load.RuleSource;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property: for random rules of every shape the index handles (and some it cannot) and random
 * events drawn from the same words, indexed matching returns exactly the rules that testing every
 * rule returns, in the same order. The words are chosen to stress case folding: Unicode letters
 * whose folding differs from {@code toLowerCase}, surrogate pairs, wildcard and regex characters.
 */
class IndexPropertyTest {

    private static final String DATASET = "iptables.log";

    private static final String[] WORDS = {
        "alpha", "Beta", "GAMMA", "straße", "STRASSE", "İstanbul", "istanbul", "ſecret", "Secret", "\u212Aelvin",
        "kelvin", "𐐀𐐁x", "𐐨𐐩X", "Σίσυφος", "σίσυφοσ", "µ-law", "Μ-LAW", "C:\\Windows\\System32",
        "c:\\windows\\system32\\", "a*b", "a?b", "x.y", "22", "0022", "1.0E18", "ǅemal", "DŽEMAL", "ǆemal",
        "-enc", "/enc", "needle", "NEEDLE", "upload7/", ".php", "ET EXPLOIT 3", "Win.Ransomware.4", "(x)", "[y]",
        "a|b", "$HOME", "^top", "é", "É", "e\u0301",
    };

    /** Declared ECS fields take one string; the undeclared custom ones any value, lists and numbers too. */
    private static final String[] TEXT_FIELDS = {"process.command_line", "file.path", "custom.text", "custom.tags"};

    private static final String[] NETWORKS = {
        "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3/32", "10.1.2.3", "192.168.0.0/16", "0.0.0.0/0",
        "fd00::/8", "2001:db8::/32", "2001:db8::1/128", "::ffff:10.0.0.0/104", "::/0", "10.128.0.0/9",
    };

    private static final String[] ADDRESSES = {
        "10.1.2.3", "10.1.9.9", "10.200.0.1", "10.128.0.1", "192.168.5.5", "8.8.8.8", "fd00::1", "2001:db8::1",
        "2001:db8:0:0:0:0:0:1", "::ffff:10.1.2.3", "not-an-ip", "[2001:db8::1]", "fe80::1%eth0", "10.1.2", "",
    };

    @Test
    void indexedMatchingEqualsTestingEveryRuleForRandomRulesAndEvents() {
        SplittableRandom random = new SplittableRandom(20261122);
        List<RuleSource> sources = new ArrayList<>();
        Map<String, String> yaml = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            String detection = detection(random);
            yaml.put("r-" + i, detection);
            sources.add(new RuleSource("rule-" + i + ".yml", "title: random " + i + "\nid: r-" + i
                    + "\nlogsource: {category: firewall}\ndetection:\n" + detection));
        }
        sources.add(new RuleSource("filter.yml", """
                title: Ignore the backup operator
                logsource: {category: firewall}
                filter:
                  rules: any
                  selection:
                    user.name|startswith: 'ſvc-'
                  condition: not selection
                """));
        LoadReport report = RuleLoader.withDefaults().loadSources(sources);
        assertThat(report.problems()).isEmpty();
        RuleSet rules = report.ruleSet();

        int matching = 0;
        Set<String> matchedRules = new HashSet<>();
        long tested = 0;
        for (int i = 0; i < 6_000; i++) {
            TelemetryEvent event = event(random, i);
            List<String> expected = everyRule(rules, event);
            List<String> actual = Sigma.ids(rules.match(event));
            if (!actual.equals(expected)) {
                Set<String> differing = new TreeSet<>(expected);
                differing.addAll(actual);
                differing.removeIf(id -> expected.contains(id) && actual.contains(id));
                StringBuilder failure = new StringBuilder("event ").append(ascii(event.toString()));
                differing.forEach(id -> failure.append("\n").append(id).append(expected.contains(id) ? " missed" : " extra")
                        .append(":\n").append(ascii(yaml.get(id))));
                assertThat(actual).as(failure.toString()).isEqualTo(expected);
            }
            matching += expected.isEmpty() ? 0 : 1;
            matchedRules.addAll(expected);
            tested += rules.candidates(event);
        }
        // not vacuous: many events and many different rules match, and the index does narrow
        assertThat(matching).isGreaterThan(1_000);
        assertThat(matchedRules.size()).isGreaterThan(150);
        assertThat(tested).isLessThan(6_000L * rules.size() / 2);
    }

    @Test
    void theBenchmarkShapesMatchAlikeThroughTheIndex() {
        SplittableRandom random = new SplittableRandom(42);
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sources.add(new RuleSource("rule-" + i + ".yml", benchmarkRule(i)));
        }
        LoadReport report = RuleLoader.withDefaults().loadSources(sources);
        assertThat(report.problems()).isEmpty();
        RuleSet rules = report.ruleSet();
        String[] datasets = {"iptables.log", "suricata.eve", "clamav.clamd", "restic.backup"};
        int matching = 0;
        for (int i = 0; i < 4_000; i++) {
            TelemetryEvent event = benchmarkEvent(random, i);
            List<String> expected = everyRule(rules, event);
            assertThat(Sigma.ids(rules.match(event))).isEqualTo(expected);
            matching += expected.isEmpty() ? 0 : 1;
            assertThat(rules.candidates(event)).isLessThanOrEqualTo(10);
        }
        assertThat(matching).isGreaterThan(400);
        // every one of these shapes has something the index can look up
        for (String dataset : datasets) {
            assertThat(rules.alwaysTested()).containsEntry(dataset, 0);
        }
    }

    /** Non-ASCII escaped, so that a failure's report survives XML and terminals. */
    private static String ascii(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char ch : text.toCharArray()) {
            escaped.append(ch < 0x80 ? String.valueOf(ch) : String.format("\\u%04X", (int) ch));
        }
        return escaped.toString();
    }

    private static List<String> everyRule(RuleSet rules, TelemetryEvent event) {
        String dataset = ((com.ramparts.telemetry.event.FieldValue.StringValue) event.field("event.dataset")).value();
        return rules.rules().stream().filter(r -> r.datasets().contains(dataset)).filter(r -> r.matches(event))
                .map(r -> r.info().id()).toList();
    }

    // ---- random rules

    private static String detection(SplittableRandom random) {
        int count = 1 + random.nextInt(3);
        StringBuilder yaml = new StringBuilder();
        for (int s = 1; s <= count; s++) {
            yaml.append("  sel").append(s).append(":\n").append(selection(random));
        }
        String condition = switch (count) {
            case 1 -> random.nextInt(5) == 0 ? "not sel1" : "sel1";
            case 2 -> pick(random, "sel1 and sel2", "sel1 or sel2", "sel1 and not sel2", "1 of sel*", "all of sel*",
                    "not sel1 and sel2", "not (sel1 or sel2)");
            default -> pick(random, "(sel1 or sel2) and not sel3", "sel1 and (sel2 or sel3)", "1 of sel*", "all of sel*",
                    "sel1 or sel2 or sel3", "sel1 and sel2 and not sel3", "not sel1 or sel2");
        };
        return yaml.append("  condition: ").append(condition).append('\n').toString();
    }

    private static String selection(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return keywords(random);
        }
        if (kind == 1) {
            // a list of maps: any of them
            return "    - " + item(random).strip() + "\n    - " + item(random).strip() + "\n";
        }
        StringBuilder map = new StringBuilder();
        Set<String> keys = new HashSet<>();
        int items = 1 + random.nextInt(2);
        for (int i = 0; i < items; i++) {
            String item = item(random);
            if (keys.add(item.substring(0, item.indexOf(": ")))) {
                map.append(item);
            }
        }
        return map.toString();
    }

    private static String keywords(SplittableRandom random) {
        int kind = random.nextInt(4);
        String head = switch (kind) {
            case 0 -> "    '|all':\n";
            case 1 -> "    '|cased':\n";
            default -> "";
        };
        String indent = head.isEmpty() ? "    " : "      ";
        int values = kind == 0 ? 2 : 1 + random.nextInt(3);
        StringBuilder yaml = new StringBuilder(head);
        for (int i = 0; i < values; i++) {
            yaml.append(indent).append("- ").append(quote(random.nextInt(4) == 0 ? glob(random) : escape(fragment(random), random)))
                    .append('\n');
        }
        return yaml.toString();
    }

    /** One {@code field|modifiers: value} line, indented for a selection map. */
    private static String item(SplittableRandom random) {
        String field = pick(random, TEXT_FIELDS);
        boolean cased = random.nextInt(5) == 0;
        String casedModifier = cased ? "|cased" : "";
        return "    " + switch (random.nextInt(16)) {
            case 0, 1 -> {
                int n = 1 + random.nextInt(3);
                boolean all = n > 1 && random.nextBoolean();
                yield field + "|contains" + (all ? "|all" : "") + casedModifier + ": " + values(random, n);
            }
            case 2 -> field + "|startswith" + casedModifier + ": " + values(random, 1 + random.nextInt(2));
            case 3 -> field + "|endswith" + casedModifier + ": " + values(random, 1 + random.nextInt(2));
            case 4 -> field + casedModifier + ": " + quote(glob(random));
            case 5 -> field + casedModifier + ": " + quote(escape(pick(random, WORDS), random));
            case 6 -> field + "|re" + (random.nextBoolean() ? "|i" : "") + ": " + quote(regex(random));
            case 7 -> pick(random, "source.ip", "custom.ips") + "|cidr: " + quote(pick(random, NETWORKS));
            case 8 -> pick(random, "destination.port", "custom.number") + pick(random, "|gte", "|lt", "|lte", "|gt") + ": " + random.nextInt(3000);
            case 9 -> pick(random, "destination.port", "custom.number") + ": " + pick(random, "22", "'22'", "'0022'", "1000000000000000000",
                    "9007199254740993", "22.5", "'1.0E18'", "1e18");
            case 10 -> pick(random, "custom.flag: true", "custom.flag: false", "user.name: null",
                    "user.name|exists: true", "user.name|exists: false", "file.path: '*'", "file.path: '?*'");
            case 11 -> field + "|fieldref" + pick(random, "", "|contains", "|startswith", "|endswith") + ": "
                    + pick(random, TEXT_FIELDS);
            case 12 -> field + "|windash|contains: " + quote(pick(random, "-enc", "/enc", "-nop -w", "x -y"));
            case 13 -> field + "|base64offset|contains: " + quote(pick(random, "alpha", "needle", "kelvin"));
            case 14 -> field + "|contains" + casedModifier + ": " + quote(escape(fragment(random), random));
            default -> "message|contains" + casedModifier + ": " + quote(escape(fragment(random), random));
        } + "\n";
    }

    private static String values(SplittableRandom random, int n) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(quote(escape(fragment(random), random)));
        }
        return n == 1 ? values.getFirst() : values.toString();
    }

    /** A Sigma wildcard pattern from escaped fragments. */
    private static String glob(SplittableRandom random) {
        StringBuilder glob = new StringBuilder();
        if (random.nextBoolean()) {
            glob.append(pick(random, "*", "?", "*?"));
        }
        glob.append(escape(fragment(random), random));
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            glob.append(pick(random, "*", "?", "**", "?*")).append(escape(fragment(random), random));
        }
        if (random.nextBoolean()) {
            glob.append(pick(random, "*", "?"));
        }
        return glob.toString();
    }

    /** A regular expression with required literals, optional parts, classes and escapes. */
    private static String regex(SplittableRandom random) {
        String a = regexQuote(fragment(random));
        String b = regexQuote(fragment(random));
        String c = regexQuote(fragment(random));
        return switch (random.nextInt(20)) {
            case 0 -> a;
            case 1 -> "^" + a;
            case 2 -> a + "$";
            case 3 -> "(?i)" + a;
            case 4 -> a + ".*" + b;
            case 5 -> a + "[^/]+" + b;
            case 6 -> a + "|" + b;
            case 7 -> "(" + a + "|" + b + ")x?" + c;
            case 8 -> a + "\\d*" + b;
            case 9 -> a + "+" + b;
            case 10 -> a + "{0,2}" + b;
            case 11 -> "\\Q" + fragment(random).replace("\\E", "") + "\\E";
            case 12 -> a + "(?:" + b + ")?" + c;
            case 13 -> "\\x41lpha|\\u0042eta";
            case 14 -> "[a-zé]" + a + "\\b";
            case 15 -> "(?x) " + a + " " + b;
            case 16 -> "(?<w>" + a + ")\\k<w>";
            case 17 -> "\\p{Lu}" + a + "\\P{L}?";
            case 18 -> "e\\u0301|É|" + a;
            default -> "^/srv/www/[^/]+/upload7/.*\\.php$";
        };
    }

    private static String regexQuote(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(ch) >= 0) {
                quoted.append('\\');
            }
            quoted.append(ch);
        }
        return quoted.isEmpty() ? "z" : quoted.toString();
    }

    /** Sigma escaping: wildcards always, a backslash sometimes left bare where the specification allows. */
    private static String escape(String text, SplittableRandom random) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '*' || ch == '?') {
                escaped.append('\\').append(ch);
            } else if (ch == '\\') {
                boolean bareAllowed = i + 1 < text.length() && "*?\\".indexOf(text.charAt(i + 1)) < 0;
                escaped.append(bareAllowed && random.nextBoolean() ? "\\" : "\\\\");
            } else {
                escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    // ---- random events

    private static TelemetryEvent event(SplittableRandom random, int sequence) {
        TelemetryEvent.Builder builder = TelemetryEvent.builder().timestamp(Instant.EPOCH.plusSeconds(sequence))
                .origin(Origin.of("site-1", new EventId("agent-1", "prop", sequence)))
                .put("event.dataset", DATASET);
        for (String field : TEXT_FIELDS) {
            if (random.nextInt(4) != 0) {
                if (field.startsWith("custom.") && random.nextInt(5) == 0) {
                    builder.put(field, List.of(text(random), text(random)));
                } else {
                    builder.put(field, text(random));
                }
            }
        }
        if (random.nextInt(3) != 0) {
            builder.original(text(random));
        }
        if (random.nextInt(3) == 0) {
            builder.put("message", text(random));
        }
        if (random.nextInt(4) != 0) {
            builder.put("source.ip", pick(random, ADDRESSES));
        }
        if (random.nextInt(3) == 0) {
            builder.put("user.name", text(random));
        }
        switch (random.nextInt(3)) {
            case 0 -> builder.put("custom.ips", List.of(pick(random, ADDRESSES), pick(random, ADDRESSES)));
            case 1 -> builder.put("custom.ips", pick(random, ADDRESSES));
            default -> {
            }
        }
        if (random.nextBoolean()) {
            builder.put("destination.port", pick(random, (long) random.nextInt(3000), 22L, 1_000_000_000_000_000_000L,
                    9_007_199_254_740_993L));
        }
        switch (random.nextInt(6)) {
            case 0 -> builder.put("custom.number", (long) random.nextInt(3000));
            case 1 -> builder.put("custom.number", pick(random, 22L, 1_000_000_000_000_000_000L, 9_007_199_254_740_993L));
            case 2 -> builder.put("custom.number", pick(random, 22.0, 22.5, 1e18, 2999.5, -0.0));
            case 3 -> builder.put("custom.number", pick(random, "22", "0022", "22.0", "1.0E18", "1e18", "x22", "-0"));
            case 4 -> builder.put("custom.number", List.of("22", pick(random, "80", "0022")));
            default -> {
            }
        }
        switch (random.nextInt(4)) {
            case 0 -> builder.put("custom.flag", random.nextBoolean());
            case 1 -> builder.put("custom.flag", pick(random, "TRUE", "false", "yes"));
            default -> {
            }
        }
        return builder.build();
    }

    /** One to three fragments, each with its case changed at random, joined by separators. */
    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append(pick(random, "ſvc-", "SVC-", "x", "/srv/www/portal/"));
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(pick(random, " ", "/", "", "-", "\\", " -", " /", "\u2013", "\uD801"));
            }
            text.append(recase(random, random.nextInt(6) == 0 ? pick(random, WORDS) : fragment(random)));
        }
        if (random.nextInt(8) == 0) {
            // base64 of a word at some offset, for base64offset rules
            String word = pick(random, "alpha", "needle", "kelvin");
            String padding = "x".repeat(random.nextInt(3));
            text.append(' ').append(java.util.Base64.getEncoder().encodeToString((padding + word + " ").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        return text.toString();
    }

    /** A word, or a piece of one (which may split a surrogate pair in events, never in rules). */
    private static String fragment(SplittableRandom random) {
        String word = pick(random, WORDS);
        if (random.nextInt(3) != 0 || word.length() < 3) {
            return word;
        }
        int from = random.nextInt(word.length() - 1);
        int to = from + 1 + random.nextInt(word.length() - from);
        if (Character.isLowSurrogate(word.charAt(from)) || (to < word.length() && Character.isLowSurrogate(word.charAt(to)))) {
            return word;
        }
        return word.substring(from, to);
    }

    private static String recase(SplittableRandom random, String text) {
        StringBuilder changed = new StringBuilder();
        text.codePoints().forEach(cp -> changed.appendCodePoint(switch (random.nextInt(4)) {
            case 0 -> Character.toUpperCase(cp);
            case 1 -> Character.toLowerCase(cp);
            case 2 -> Character.toTitleCase(cp);
            default -> cp;
        }));
        return changed.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    // ---- the benchmark's shapes (RuleMatchingBenchmark), kept here so the test does not depend on JMH code

    private static String benchmarkRule(int i) {
        String head = "title: bench " + i + "\nid: bench-" + i + "\nlevel: medium\n";
        return switch (i % 8) {
            case 0 -> head + "logsource: {category: firewall}\ndetection:\n  sel:\n    dst_port: " + (1000 + i)
                    + "\n    action: [deny, drop, reject]\n  condition: sel\n";
            case 1 -> head + "logsource: {category: firewall}\ndetection:\n  sel:\n    src_ip|cidr: 10." + (i % 250)
                    + ".0.0/16\n    dst_port|gte: " + (i % 60000) + "\n  filter:\n    action: allow\n  condition: sel and not filter\n";
            case 2 -> head + "logsource: {product: suricata, category: ids}\ndetection:\n  sel:\n    alert.signature_id: "
                    + (2_000_000 + i) + "\n  condition: sel\n";
            case 3 -> head + "logsource: {product: suricata, category: ids}\ndetection:\n  sel:\n    alert.signature|contains: 'ET EXPLOIT "
                    + i + "'\n    alert.severity|lte: 2\n  condition: sel\n";
            case 4 -> head + "logsource: {category: antivirus}\ndetection:\n  sel:\n    threat.name|startswith: 'Win.Ransomware."
                    + i + "'\n  condition: sel\n";
            case 5 -> head + "logsource: {category: antivirus}\ndetection:\n  sel:\n    file.path|re: '^/srv/www/[^/]+/upload"
                    + i + "/.*\\.php$'\n  condition: sel\n";
            case 6 -> head + "logsource: {category: backup}\ndetection:\n  sel:\n    event.outcome: failure\n    host.name|endswith: '-"
                    + i + "'\n  condition: sel\n";
            default -> head + "logsource: {category: firewall}\ndetection:\n  keywords:\n    - 'needle-" + i
                    + "'\n  condition: keywords\n";
        };
    }

    private static TelemetryEvent benchmarkEvent(SplittableRandom random, int sequence) {
        TelemetryEvent.Builder builder = TelemetryEvent.builder().timestamp(Instant.EPOCH.plusSeconds(sequence))
                .origin(Origin.of("site-1", new EventId("agent-1", "bench", sequence)));
        switch (random.nextInt(4)) {
            case 0 -> builder.put("event.dataset", "iptables.log").put("event.kind", "event")
                    .put("event.action", pick(random, "deny", "allow", "DROP", "Reject"))
                    .put("source.ip", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256))
                    .put("destination.port", (long) (1000 + random.nextInt(2100)))
                    .original("IN=eth0 SRC=10.0.0.1 DPT=22 " + (random.nextInt(4) == 0 ? "NEEDLE-" + random.nextInt(2000) : "SYN"));
            case 1 -> builder.put("event.dataset", "suricata.eve").put("event.kind", "alert")
                    .put("rule.id", Long.toString(2_000_000 + random.nextInt(2100)))
                    .put("rule.name", pick(random, "ET EXPLOIT ", "et exploit ", "ET EXPLOIT  ") + random.nextInt(2000) + " attempt")
                    .put("event.severity", (long) (1 + random.nextInt(3)));
            case 2 -> builder.put("event.dataset", "clamav.clamd").put("event.kind", "alert")
                    .put("threat.name", pick(random, "Win.Ransomware.", "win.ransomware.", "X.Win.Ransomware.")
                            + random.nextInt(2000) + ".Agent")
                    .put("file.path", "/srv/www/portal/upload" + random.nextInt(2000) + pick(random, "/shell.php", "/x.PHP", "/a.txt"));
            default -> builder.put("event.dataset", "restic.backup").put("event.kind", "event")
                    .put("event.outcome", pick(random, "failure", "FAILURE", "success"))
                    .put("host.name", "backup-" + random.nextInt(2000));
        }
        return builder.build();
    }
}
