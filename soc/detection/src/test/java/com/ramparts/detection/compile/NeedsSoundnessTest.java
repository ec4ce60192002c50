package com.ramparts.detection.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.modifier.SigmaString;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property: whenever a compiled value test accepts a text, the text satisfies every clause of
 * what the test says it needs (some need of each clause), checked by brute force rather than by
 * the index's own automaton. Texts are built from the pieces the pattern was built from, so that
 * many of them match, including with optional parts left out.
 */
class NeedsSoundnessTest {

    private static final String[] PIECES = {
        "alpha", "Beta", "straße", "İs", "ſec", "\u212Aelvin", "𐐀𐐁", "𐐨𐐩", "Σς", "µ", "C:\\Win", "a*b", "a?b", "x.y",
        "22", "1.0E18", "ǅ", "-enc", "upload7/", ".php", "(x)", "[y]", "a|b", "é", "e\u0301", "\\", "K", "k",
    };

    @Test
    void acceptedTextsHaveWhatWildcardPatternsNeed() {
        SplittableRandom random = new SplittableRandom(3);
        int accepted = 0;
        for (int p = 0; p < 3_000; p++) {
            String[] parts = parts(random);
            String glob = glob(random, parts);
            boolean cased = random.nextInt(4) == 0;
            StringMatcher matcher = StringMatcher.compile(SigmaString.parse(glob), cased);
            List<List<Need>> needs = matcher.needs("f");
            for (int t = 0; t < 100; t++) {
                String text = text(random, parts);
                // the index looks such texts up as if they could contain anything (see Fold)
                if (Fold.hasLoneSurrogate(text)) {
                    continue;
                }
                if (matcher.matches(text)) {
                    accepted++;
                    assertThat(satisfied(needs, text)).as("%s (cased %s) accepts %s but needs %s", ascii(glob), cased,
                            ascii(text), ascii(needs.toString())).isTrue();
                }
            }
        }
        assertThat(accepted).isGreaterThan(3_000);
    }

    @Test
    void acceptedTextsHaveWhatRegularExpressionsNeed() {
        SplittableRandom random = new SplittableRandom(5);
        int accepted = 0;
        int withLiterals = 0;
        for (int p = 0; p < 3_000; p++) {
            String[] parts = parts(random);
            String regex = regex(random, parts);
            int flags = random.nextBoolean() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            ValueTest.RegexTest test = new ValueTest.RegexTest(Pattern.compile(regex, flags));
            List<List<Need>> needs = test.needs("f");
            withLiterals += needs.isEmpty() ? 0 : 1;
            for (int t = 0; t < 100; t++) {
                String text = text(random, parts);
                if (test.testString(text)) {
                    accepted++;
                    assertThat(satisfied(needs, text)).as("/%s/ (flags %s) accepts %s but needs %s", ascii(regex), flags,
                            ascii(text), ascii(needs.toString())).isTrue();
                }
            }
        }
        assertThat(accepted).isGreaterThan(10_000);
        assertThat(withLiterals).isGreaterThan(2_000);
    }

    @Test
    void literalsOfTheBenchmarkRegex() {
        assertThat(RegexLiterals.required(Pattern.compile("^/srv/www/[^/]+/upload7/.*\\.php$")))
                .containsExactly(List.of("/srv/www/"), List.of("/upload7/"), List.of(".php"));
        assertThat(RegexLiterals.required(Pattern.compile("ab?c+d{0,3}e{2}"))).containsExactly(List.of("a"),
                List.of("c"), List.of("e"));
        assertThat(RegexLiterals.required(Pattern.compile("foo|ba(r|z)"))).containsExactly(List.of("foo", "ba"));
        assertThat(RegexLiterals.required(Pattern.compile("\\x41bc\\Qa.b\\E"))).containsExactly(List.of("bca.b"));
        assertThat(RegexLiterals.required(Pattern.compile("(?x) a b"))).isEmpty();
        assertThat(RegexLiterals.required(Pattern.compile("\\d+"))).isEmpty();
    }

    /** Some need of every clause holds for the text: literals searched naively, keys as events produce them. */
    private static boolean satisfied(List<List<Need>> needs, String text) {
        String folded = Fold.fold(text);
        List<String> keys = EqualityKeys.of(new StringValue(text));
        return needs.stream().allMatch(anyOf -> anyOf.stream().anyMatch(need -> switch (need) {
            case Need.Equal equal -> keys.contains(equal.key());
            case Need.Literal literal -> occurs(literal, text, folded);
            default -> throw new IllegalStateException("unexpected need " + need);
        }));
    }

    private static boolean occurs(Need.Literal literal, String text, String folded) {
        int length = literal.folded().length();
        for (int start = 0; start + length <= folded.length(); start++) {
            boolean anchored = switch (literal.anchor()) {
                case START -> start == 0;
                case END -> start + length == folded.length();
                case ANYWHERE -> true;
            };
            if (anchored && folded.startsWith(literal.folded(), start)
                    && (literal.cased() == null || text.startsWith(literal.cased(), start))) {
                return true;
            }
        }
        return false;
    }

    private static String[] parts(SplittableRandom random) {
        return new String[] {piece(random), piece(random), piece(random)};
    }

    private static String piece(SplittableRandom random) {
        String piece = PIECES[random.nextInt(PIECES.length)];
        return random.nextInt(3) == 0 ? piece + PIECES[random.nextInt(PIECES.length)] : piece;
    }

    /** A text from the parts, changed at random: cut short, re-cased, joined with other characters. */
    private static String text(SplittableRandom random, String[] parts) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            String part = random.nextInt(4) == 0 ? piece(random) : parts[random.nextInt(parts.length)];
            switch (random.nextInt(6)) {
                case 0 -> part = part.substring(0, Math.max(0, part.length() - 1));
                case 1 -> part = part.substring(Math.min(1, part.length()));
                case 2 -> part = part + part.substring(part.length() - Math.min(1, part.length()));
                default -> {
                }
            }
            if (random.nextBoolean()) {
                part = recase(random, part);
            }
            text.append(part);
            if (random.nextInt(3) == 0) {
                String others = "xX/.\\-_ 09é\uD801";
                text.append(others.charAt(random.nextInt(others.length())));
            }
        }
        return text.toString();
    }

    private static String recase(SplittableRandom random, String text) {
        StringBuilder changed = new StringBuilder();
        text.codePoints().forEach(cp -> changed.appendCodePoint(switch (random.nextInt(3)) {
            case 0 -> Character.toUpperCase(cp);
            case 1 -> Character.toLowerCase(cp);
            default -> cp;
        }));
        return changed.toString();
    }

    private static String glob(SplittableRandom random, String[] parts) {
        StringBuilder glob = new StringBuilder();
        if (random.nextBoolean()) {
            glob.append(random.nextBoolean() ? "*" : "?");
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                glob.append(new String[] {"*", "?", "**", "?*"}[random.nextInt(4)]);
            }
            glob.append(parts[i].replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
        }
        if (random.nextBoolean()) {
            glob.append(random.nextBoolean() ? "*" : "?");
        }
        return glob.toString();
    }

    private static String regex(SplittableRandom random, String[] parts) {
        String a = Pattern.quote(parts[0]);
        String b = quote(parts[1]);
        String c = quote(parts[2]);
        String qa = quote(parts[0]);
        return switch (random.nextInt(18)) {
            case 0 -> a;
            case 1 -> "^" + qa + b;
            case 2 -> qa + "$";
            case 3 -> "(?i)" + qa + "|" + b;
            case 4 -> qa + ".*" + b;
            case 5 -> qa + "[^/]?" + b;
            case 6 -> "(" + qa + "|" + b + ")x?" + c;
            case 7 -> qa + "\\d*" + b;
            case 8 -> qa + "+" + b;
            case 9 -> qa + "{0,2}" + b;
            case 10 -> qa + "?" + b + "*" + c;
            case 11 -> qa + "(?:" + b + ")?" + c;
            case 12 -> "[a-zé]?" + qa + "\\b" + b;
            case 13 -> "(?<w>" + qa + ")\\k<w>?" + c;
            case 14 -> "\\p{L}?" + qa + "\\P{L}?" + b;
            case 15 -> qa + "{1}" + b + "{2,}" + c;
            case 16 -> qa + "\\x41?" + b + "\\u0042?" + c;
            default -> qa + "++" + b + "*?" + c;
        };
    }

    /** Regex escaping char by char, so that quantifiers after it apply to its last character. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(ch) >= 0) {
                quoted.append('\\');
            }
            quoted.append(ch);
        }
        return quoted.toString();
    }

    private static String ascii(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char ch : text.toCharArray()) {
            escaped.append(ch < 0x80 ? String.valueOf(ch) : String.format("\\u%04X", (int) ch));
        }
        return escaped.toString();
    }
}
