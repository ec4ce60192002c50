package com.ramparts.detection.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The literal text a regular expression cannot match without, e.g. {@code upload7/} and
 * {@code .php} in {@code ^/srv/www/[^/]+/upload7/.*\.php$}. Conservative: groups, classes,
 * escapes and optional characters end a literal; anything not understood gives up (no literals),
 * which only costs speed, whereas a literal that is not really required would lose matches.
 */
final class RegexLiterals {

    private static final Pattern COMMENTS_FLAG = Pattern.compile("\\(\\?[a-zA-Z-]*x");

    private RegexLiterals() {
    }

    /** Unsupported syntax: give up. */
    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    /**
     * Required literals as a conjunction of disjunctions: every inner list has a literal that occurs
     * in any matching text. Empty when nothing is known.
     */
    static List<List<String>> required(Pattern pattern) {
        String p = pattern.pattern();
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0
                || COMMENTS_FLAG.matcher(p).find()) {
            return List.of();
        }
        try {
            List<int[]> branches = branches(p);
            if (branches.size() == 1) {
                List<List<String>> all = new ArrayList<>();
                for (String literal : sequence(p, 0, p.length())) {
                    all.add(List.of(literal));
                }
                return all;
            }
            List<String> any = new ArrayList<>();
            for (int[] branch : branches) {
                String longest = "";
                for (String literal : sequence(p, branch[0], branch[1])) {
                    longest = literal.length() > longest.length() ? literal : longest;
                }
                if (longest.isEmpty()) {
                    return List.of();
                }
                any.add(longest);
            }
            return List.of(any);
        } catch (GiveUp | RuntimeException e) {
            return List.of();
        }
    }

    /** The top-level alternatives as [from, to) ranges. */
    private static List<int[]> branches(String p) throws GiveUp {
        List<int[]> branches = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                i = skipEscapeRaw(p, i);
            } else if (c == '[') {
                i = skipClass(p, i);
            } else if (c == '(') {
                i = skipGroup(p, i);
            } else if (c == ')') {
                throw new GiveUp();
            } else {
                if (c == '|') {
                    branches.add(new int[] {start, i});
                    start = i + 1;
                }
                i++;
            }
        }
        branches.add(new int[] {start, p.length()});
        return branches;
    }

    /** The literal runs of one alternative, in order. */
    private static List<String> sequence(String p, int from, int to) throws GiveUp {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int lastLength = -1; // chars of the run's last literal (2 for a pair), -1 when the last atom was no literal
        int i = from;
        while (i < to) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= to) {
                        throw new GiveUp();
                    }
                    char d = p.charAt(i + 1);
                    if (d == 'Q') {
                        int end = p.indexOf("\\E", i + 2);
                        end = end < 0 || end > to ? to : end;
                        String quoted = p.substring(i + 2, end);
                        if (quoted.chars().anyMatch(ch -> Character.isSurrogate((char) ch))) {
                            throw new GiveUp();
                        }
                        run.append(quoted);
                        lastLength = quoted.isEmpty() ? lastLength : 1;
                        i = Math.min(end + 2, to);
                    } else if (d < 0x80 && Character.isLetterOrDigit(d)) {
                        char control = control(d);
                        if (control != 0) {
                            run.append(control);
                            lastLength = 1;
                            i += 2;
                        } else {
                            flush(run, runs);
                            lastLength = -1;
                            i = skipEscape(p, i);
                        }
                    } else if (Character.isSurrogate(d)) {
                        throw new GiveUp();
                    } else {
                        run.append(d);
                        lastLength = 1;
                        i += 2;
                    }
                }
                case '[' -> {
                    flush(run, runs);
                    lastLength = -1;
                    i = skipClass(p, i);
                }
                case '(' -> {
                    flush(run, runs);
                    lastLength = -1;
                    i = skipGroup(p, i);
                }
                case '.', '^', '$' -> {
                    flush(run, runs);
                    lastLength = -1;
                    i++;
                }
                case '*', '?', '+', '{' -> {
                    boolean atLeastOnce = c == '+';
                    if (c == '{') {
                        int close = p.indexOf('}', i);
                        if (close < 0 || close >= to) {
                            throw new GiveUp();
                        }
                        String bounds = p.substring(i + 1, close);
                        int comma = bounds.indexOf(',');
                        String min = (comma < 0 ? bounds : bounds.substring(0, comma)).strip();
                        atLeastOnce = !min.isEmpty() && Integer.parseInt(min) > 0;
                        i = close + 1;
                    } else {
                        i++;
                    }
                    if (i < to && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
                        i++;
                    }
                    if (lastLength > 0 && !atLeastOnce) {
                        run.setLength(run.length() - lastLength);
                    }
                    flush(run, runs);
                    lastLength = -1;
                }
                case ')', '|' -> throw new GiveUp();
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(p.charAt(i + 1))) {
                        run.append(c).append(p.charAt(i + 1));
                        lastLength = 2;
                        i += 2;
                    } else if (Character.isSurrogate(c)) {
                        throw new GiveUp();
                    } else {
                        run.append(c);
                        lastLength = 1;
                        i++;
                    }
                }
            }
        }
        flush(run, runs);
        return runs;
    }

    private static void flush(StringBuilder run, List<String> runs) {
        if (!run.isEmpty()) {
            runs.add(run.toString());
            run.setLength(0);
        }
    }

    /** The character a control escape stands for, or 0 when {@code d} starts another escape. */
    private static char control(char d) {
        return switch (d) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'a' -> '\u0007';
            case 'e' -> '\u001B';
            default -> 0;
        };
    }

    /** Past an escape that starts with a letter or digit (not \Q), with its arguments. */
    private static int skipEscape(String p, int i) throws GiveUp {
        char d = p.charAt(i + 1);
        int j = i + 2;
        switch (d) {
            case 'd', 'D', 's', 'S', 'w', 'W', 'b', 'B', 'A', 'G', 'Z', 'z', 'R', 'X', 'h', 'H', 'v', 'V', 'E' -> {
                return j;
            }
            case 'c' -> {
                return j + 1;
            }
            case 'x', 'p', 'P', 'N' -> {
                if (j < p.length() && p.charAt(j) == '{') {
                    return closing(p, j, '}');
                }
                return d == 'x' ? j + 2 : d == 'N' ? fail() : j + 1;
            }
            case 'u' -> {
                return j + 4;
            }
            case 'k' -> {
                return closing(p, j, '>');
            }
            case '0' -> {
                int end = j;
                while (end < p.length() && end < j + 3 && p.charAt(end) >= '0' && p.charAt(end) <= '7') {
                    end++;
                }
                return end;
            }
            default -> {
                if (d >= '1' && d <= '9') {
                    while (j < p.length() && Character.isDigit(p.charAt(j))) {
                        j++;
                    }
                    return j;
                }
                return fail();
            }
        }
    }

    private static int fail() throws GiveUp {
        throw new GiveUp();
    }

    private static int closing(String p, int from, char close) throws GiveUp {
        int end = p.indexOf(close, from);
        if (end < 0) {
            throw new GiveUp();
        }
        return end + 1;
    }

    /** Past any escape, for skipping over text whose literals do not matter. */
    private static int skipEscapeRaw(String p, int i) throws GiveUp {
        if (i + 1 >= p.length()) {
            throw new GiveUp();
        }
        char d = p.charAt(i + 1);
        if (d == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            return end < 0 ? p.length() : end + 2;
        }
        if (d < 0x80 && Character.isLetterOrDigit(d) && control(d) == 0) {
            return skipEscape(p, i);
        }
        return i + 2;
    }

    /** Past a character class, nested ones included; a ']' first in a class is literal, as in Java. */
    private static int skipClass(String p, int i) throws GiveUp {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        boolean first = true;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j = skipEscapeRaw(p, j);
            } else if (c == '[') {
                j = skipClass(p, j);
            } else if (c == ']' && !first) {
                return j + 1;
            } else {
                j++;
            }
            first = false;
        }
        throw new GiveUp();
    }

    /** Past a group, whatever it holds. */
    private static int skipGroup(String p, int i) throws GiveUp {
        int depth = 0;
        int j = i;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j = skipEscapeRaw(p, j);
                continue;
            }
            if (c == '[') {
                j = skipClass(p, j);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        throw new GiveUp();
    }
}
