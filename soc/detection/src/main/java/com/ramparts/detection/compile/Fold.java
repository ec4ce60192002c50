package com.ramparts.detection.compile;

/**
 * The case folding that {@link String#equalsIgnoreCase} and {@code regionMatches(true, ...)} use,
 * so that an index key computed with it agrees exactly with the matchers. {@link
 * String#toLowerCase()} would not: it maps some characters to two. Those methods compare a
 * surrogate pair as one code point (Deseret 𐐀 equals 𐐨), so {@link #fold(String)} folds pairs as
 * code points; a lone surrogate stays as it is.
 *
 * <p>On text with a lone surrogate those methods are erratic: {@code "\uD801\uD801\uDC00"} equals
 * {@code "\uD801\uDC00\uD801"} ignoring case, as the lone half gets paired with a neighbour. So
 * the index never files a rule under such text, and looks up an event value that has one as if it
 * could equal or contain anything.
 */
final class Fold {

    private Fold() {
    }

    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The folded code point of a surrogate pair; supplementary code points fold to supplementary ones. */
    static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (fold(c) != c || Character.isHighSurrogate(c)) {
                return foldFrom(text, i);
            }
        }
        return text;
    }

    private static String foldFrom(String text, int from) {
        char[] chars = text.toCharArray();
        for (int j = from; j < chars.length; j++) {
            char c = chars[j];
            if (Character.isHighSurrogate(c) && j + 1 < chars.length && Character.isLowSurrogate(chars[j + 1])) {
                int folded = fold(Character.toCodePoint(c, chars[j + 1]));
                chars[j] = Character.highSurrogate(folded);
                chars[++j] = Character.lowSurrogate(folded);
            } else {
                chars[j] = fold(c);
            }
        }
        return new String(chars);
    }

    static boolean equal(char a, char b) {
        return a == b || fold(a) == fold(b);
    }

    /** Whether the text has a surrogate that is not half of a pair (such text is never an index literal). */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
