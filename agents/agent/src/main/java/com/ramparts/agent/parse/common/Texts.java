package com.ramparts.agent.parse.common;

/** Small text helpers for messages and values taken from untrusted input. */
public final class Texts {

    private Texts() {
    }

    /** Input quoted in a reason, cut so that a hostile megabyte value cannot bloat an error. */
    public static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...(" + text.length() + " chars)";
    }

    /**
     * The text with unpaired UTF-16 surrogates (which a JSON escape such as {@code "\ud800"} can produce)
     * replaced by U+FFFD, because they cannot be encoded as UTF-8 on the way to Kafka.
     */
    public static String withoutLoneSurrogates(String text) {
        int bad = firstLoneSurrogate(text);
        if (bad < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length()).append(text, 0, bad);
        for (int i = bad; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else {
                clean.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.toString();
    }

    private static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The text after the last '/' or '\\': a file name from a Unix or Windows path. */
    public static String baseName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return cut < 0 ? path : path.substring(cut + 1);
    }

    /** A key from the input made into one ECS name segment: lower case, {@code [a-z0-9_]} only, at most 64 characters. */
    public static String fieldSegment(String key) {
        StringBuilder name = new StringBuilder(Math.min(key.length(), 64));
        for (int i = 0; i < key.length() && name.length() < 64; i++) {
            char c = Character.toLowerCase(key.charAt(i));
            name.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return name.isEmpty() ? "_" : name.toString();
    }
}
