package com.ramparts.detection.modifier;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string value: literal text, {@code *} and {@code ?} wildcards and (with {@code expand})
 * placeholders. Immutable.
 *
 * <p>Escaping, as the specification defines it: a backslash escapes {@code *}, {@code ?} and
 * itself; a backslash before anything else is a plain backslash. So {@code C:\Windows} and
 * {@code C:\\Windows} are the same value, {@code \*} is a plain star, {@code \\*} a backslash then
 * a wildcard. Under {@code expand}, {@code \%} is a plain percent sign.
 */
public record SigmaString(List<Part> parts) {

    public sealed interface Part {
    }

    public record Text(String text) implements Part {
    }

    public enum Wildcard implements Part { ANY, ONE }

    public record Placeholder(String name) implements Part {
    }

    public SigmaString {
        parts = List.copyOf(merge(parts));
    }

    public static SigmaString parse(String raw) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && "*?\\".indexOf(raw.charAt(i + 1)) >= 0) {
                text.append(raw.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(text, parts);
                parts.add(c == '*' ? Wildcard.ANY : Wildcard.ONE);
            } else {
                text.append(c);
            }
        }
        flush(text, parts);
        return new SigmaString(parts);
    }

    public static SigmaString literal(String text) {
        return new SigmaString(text.isEmpty() ? List.of() : List.of(new Text(text)));
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    private static List<Part> merge(List<Part> parts) {
        List<Part> merged = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (part instanceof Text t && t.text().isEmpty()) {
                continue;
            }
            if (part instanceof Text t && !merged.isEmpty() && merged.getLast() instanceof Text previous) {
                merged.set(merged.size() - 1, new Text(previous.text() + t.text()));
            } else {
                merged.add(part);
            }
        }
        return merged;
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof Wildcard);
    }

    public boolean hasPlaceholders() {
        return parts.stream().anyMatch(p -> p instanceof Placeholder);
    }

    public boolean isPlain() {
        return parts.stream().allMatch(p -> p instanceof Text);
    }

    /** The literal text, for values that have no wildcards or placeholders. */
    public String plainText() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                text.append(t.text());
            }
        }
        return text.toString();
    }

    public boolean startsWithAny() {
        return !parts.isEmpty() && parts.getFirst() == Wildcard.ANY;
    }

    public boolean endsWithAny() {
        return !parts.isEmpty() && parts.getLast() == Wildcard.ANY;
    }

    public SigmaString prepend(Part part) {
        List<Part> list = new ArrayList<>(parts.size() + 1);
        list.add(part);
        list.addAll(parts);
        return new SigmaString(list);
    }

    public SigmaString append(Part part) {
        List<Part> list = new ArrayList<>(parts);
        list.add(part);
        return new SigmaString(list);
    }

    /**
     * Splits {@code %name%} placeholders out of the literal text. A backslash-escaped percent
     * sign in the raw value stays literal, so the raw text is needed again.
     */
    public static SigmaString parseWithPlaceholders(String raw) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && "*?\\%".indexOf(raw.charAt(i + 1)) >= 0) {
                text.append(raw.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(text, parts);
                parts.add(c == '*' ? Wildcard.ANY : Wildcard.ONE);
            } else if (c == '%' && raw.indexOf('%', i + 1) > i + 1) {
                int end = raw.indexOf('%', i + 1);
                flush(text, parts);
                parts.add(new Placeholder(raw.substring(i + 1, end)));
                i = end;
            } else {
                text.append(c);
            }
        }
        flush(text, parts);
        return new SigmaString(parts);
    }

    /** As it would be written in a rule, for messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text t -> text.append(t.text().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
                case Wildcard w -> text.append(w == Wildcard.ANY ? '*' : '?');
                case Placeholder p -> text.append('%').append(p.name()).append('%');
            }
        }
        return text.toString();
    }
}
