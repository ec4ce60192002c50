package com.ramparts.detection.compile;

import com.ramparts.detection.modifier.SigmaString;
import com.ramparts.detection.modifier.SigmaString.Part;
import com.ramparts.detection.modifier.SigmaString.Text;
import com.ramparts.detection.modifier.SigmaString.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string pattern compiled to the cheapest test that implements it: equality, prefix,
 * suffix, substring, "anything", or a general wildcard walk. Case-insensitive unless cased; never
 * allocates.
 */
abstract sealed class StringMatcher {

    final boolean cased;

    private StringMatcher(boolean cased) {
        this.cased = cased;
    }

    abstract boolean matches(String value);

    /** What a value must have to match, for the index (see {@link ValueTest#needs}). */
    abstract List<List<Need>> needs(String field);

    /** One literal as a conjunction of one need, or none when the index cannot search for it. */
    final List<List<Need>> literal(String field, String text, Need.Anchor anchor) {
        Need.Literal need = Need.Literal.of(field, text, anchor, cased);
        return need == null ? List.of() : List.of(List.of(need));
    }

    static StringMatcher compile(SigmaString pattern, boolean cased) {
        List<Part> parts = pattern.parts();
        if (parts.isEmpty()) {
            return new Exact("", cased);
        }
        if (!pattern.hasWildcards()) {
            return new Exact(pattern.plainText(), cased);
        }
        if (parts.stream().allMatch(p -> p == Wildcard.ANY)) {
            return new Anything(cased);
        }
        if (parts.size() == 2 && parts.get(0) instanceof Text t && parts.get(1) == Wildcard.ANY) {
            return new Prefix(t.text(), cased);
        }
        if (parts.size() == 2 && parts.get(0) == Wildcard.ANY && parts.get(1) instanceof Text t) {
            return new Suffix(t.text(), cased);
        }
        if (parts.size() == 3 && parts.get(0) == Wildcard.ANY && parts.get(1) instanceof Text t
                && parts.get(2) == Wildcard.ANY) {
            return new Contains(t.text(), cased);
        }
        return new Glob(parts, cased);
    }

    static final class Exact extends StringMatcher {
        private final String text;

        Exact(String text, boolean cased) {
            super(cased);
            this.text = text;
        }

        @Override
        boolean matches(String value) {
            return cased ? value.equals(text) : value.equalsIgnoreCase(text);
        }

        /** Not with a lone surrogate: equalsIgnoreCase then pairs it with a neighbour (see {@link Fold}). */
        @Override
        List<List<Need>> needs(String field) {
            return Fold.hasLoneSurrogate(text) ? List.of() : List.of(List.of(new Need.Equal(field, Fold.fold(text))));
        }
    }

    static final class Prefix extends StringMatcher {
        private final String text;

        Prefix(String text, boolean cased) {
            super(cased);
            this.text = text;
        }

        @Override
        boolean matches(String value) {
            return value.regionMatches(!cased, 0, text, 0, text.length());
        }

        @Override
        List<List<Need>> needs(String field) {
            return literal(field, text, Need.Anchor.START);
        }
    }

    static final class Suffix extends StringMatcher {
        private final String text;

        Suffix(String text, boolean cased) {
            super(cased);
            this.text = text;
        }

        @Override
        boolean matches(String value) {
            int start = value.length() - text.length();
            return start >= 0 && value.regionMatches(!cased, start, text, 0, text.length());
        }

        @Override
        List<List<Need>> needs(String field) {
            return literal(field, text, Need.Anchor.END);
        }
    }

    static final class Contains extends StringMatcher {
        private final String text;
        private final char first;
        private final char firstFolded;

        Contains(String text, boolean cased) {
            super(cased);
            this.text = text;
            this.first = text.charAt(0);
            this.firstFolded = Fold.fold(first);
        }

        @Override
        boolean matches(String value) {
            if (cased) {
                return value.contains(text);
            }
            int last = value.length() - text.length();
            for (int i = 0; i <= last; i++) {
                char c = value.charAt(i);
                if ((c == first || Fold.fold(c) == firstFolded) && value.regionMatches(true, i, text, 0, text.length())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        List<List<Need>> needs(String field) {
            return literal(field, text, Need.Anchor.ANYWHERE);
        }
    }

    static final class Anything extends StringMatcher {
        Anything(boolean cased) {
            super(cased);
        }

        @Override
        boolean matches(String value) {
            return true;
        }

        @Override
        List<List<Need>> needs(String field) {
            return List.of();
        }
    }

    /** {@code *} and {@code ?} anywhere: linear walk with one backtrack point (the last star). */
    static final class Glob extends StringMatcher {
        private static final int ANY = -1;
        private static final int ONE = -2;
        private final int[] pattern;
        private final List<Part> parts;

        Glob(List<Part> parts, boolean cased) {
            super(cased);
            this.parts = parts;
            int length = 0;
            for (Part part : parts) {
                length += part instanceof Text t ? t.text().length() : 1;
            }
            pattern = new int[length];
            int i = 0;
            for (Part part : parts) {
                if (part instanceof Text t) {
                    for (char c : t.text().toCharArray()) {
                        pattern[i++] = c;
                    }
                } else {
                    pattern[i++] = part == Wildcard.ANY ? ANY : ONE;
                }
            }
        }

        @Override
        boolean matches(String value) {
            int s = 0;
            int p = 0;
            int starP = -1;
            int starS = -1;
            int n = value.length();
            int m = pattern.length;
            while (s < n) {
                if (p < m && pattern[p] == ANY) {
                    starP = p++;
                    starS = s;
                } else if (p < m && (pattern[p] == ONE || same((char) pattern[p], value.charAt(s)))) {
                    p++;
                    s++;
                } else if (starP >= 0) {
                    p = starP + 1;
                    s = ++starS;
                } else {
                    return false;
                }
            }
            while (p < m && pattern[p] == ANY) {
                p++;
            }
            return p == m;
        }

        /** Every text between the wildcards is required; the first and last are anchored unless a wildcard precedes or follows them. */
        @Override
        List<List<Need>> needs(String field) {
            List<List<Need>> all = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Text t) {
                    Need.Anchor anchor = i == 0 ? Need.Anchor.START
                            : i == parts.size() - 1 ? Need.Anchor.END : Need.Anchor.ANYWHERE;
                    all.addAll(literal(field, t.text(), anchor));
                }
            }
            return all;
        }

        private boolean same(char a, char b) {
            return cased ? a == b : Fold.equal(a, b);
        }
    }
}
