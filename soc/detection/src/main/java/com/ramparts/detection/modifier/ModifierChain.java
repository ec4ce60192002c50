package com.ramparts.detection.modifier;

import com.ramparts.detection.modifier.SigmaString.Part;
import com.ramparts.detection.modifier.SigmaString.Placeholder;
import com.ramparts.detection.modifier.SigmaString.Text;
import com.ramparts.detection.modifier.SigmaString.Wildcard;
import com.ramparts.detection.modifier.Value.Comparison;
import com.ramparts.detection.rule.DetectionNode.FieldItem;
import com.ramparts.detection.rule.RawValue;
import com.ramparts.detection.yaml.InvalidRuleException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies a detection item's modifiers, in the order written, to each of its values, following the
 * specification and pySigma where the specification is silent: {@code re} and {@code cidr} take
 * the value as written; {@code contains}/{@code startswith}/{@code endswith} also wrap regular
 * expressions and field references; {@code base64*} refuse wildcards; {@code utf16*} turn each
 * character into two bytes for a following {@code base64}; {@code windash} and {@code base64offset}
 * expand one value into several; {@code expand} replaces placeholders where it stands in the chain.
 */
public final class ModifierChain {

    /** A value may expand (windash, base64offset, placeholders) into at most this many. */
    public static final int MAX_EXPANSION = 1_000;

    private static final String DASHES = "-/\u2013\u2014\u2015";

    private sealed interface Work {
    }

    private record Str(SigmaString string, boolean cased, String raw) implements Work {
    }

    private record Num(String text, double value) implements Work {
    }

    private record Bool(boolean value) implements Work {
    }

    private record Null() implements Work {
    }

    private record Re(String pattern, int flags) implements Work {
    }

    private record Done(Value value) implements Work {
    }

    private record Ref(String field, boolean startsWith, boolean endsWith, boolean cased) implements Work {
    }

    private final FieldItem item;
    private final Placeholders placeholders;
    private final List<Modifier> modifiers = new ArrayList<>();

    private ModifierChain(FieldItem item, Placeholders placeholders) {
        this.item = item;
        this.placeholders = placeholders;
    }

    public static MatchSpec apply(FieldItem item, Placeholders placeholders) throws InvalidRuleException {
        return new ModifierChain(item, placeholders).run();
    }

    private MatchSpec run() throws InvalidRuleException {
        for (String name : item.modifiers()) {
            Modifier modifier = Modifier.parse(name);
            if (modifier == null) {
                throw new InvalidRuleException(InvalidRuleException.Kind.UNSUPPORTED, item.position(),
                        subject() + ": unsupported modifier '" + name + "'" + suggestion(name));
            }
            modifiers.add(modifier);
        }
        boolean all = modifiers.contains(Modifier.ALL);
        boolean negated = modifiers.contains(Modifier.NEQ);
        if (all && item.values().size() < 2) {
            throw fail("modifier 'all' needs a list of at least two values (Sigma forbids it on a single value)");
        }
        if (item.isKeyword()) {
            for (Modifier modifier : modifiers) {
                if (modifier == Modifier.EXISTS || modifier == Modifier.FIELDREF || modifier == Modifier.CIDR
                        || modifier.isComparison() || modifier.isTimePart() || modifier == Modifier.NEQ) {
                    throw fail("modifier '" + modifier.sigmaName() + "' needs a field; keywords search the whole event");
                }
            }
        }
        List<Value> values = new ArrayList<>();
        for (RawValue raw : item.values()) {
            for (Work work : applyAll(raw)) {
                values.add(finish(work, raw));
            }
            if (values.size() > MAX_EXPANSION) {
                throw fail("the values expand to more than " + MAX_EXPANSION + " alternatives");
            }
        }
        return new MatchSpec(values, all, negated);
    }

    private List<Work> applyAll(RawValue raw) throws InvalidRuleException {
        List<Work> works = new ArrayList<>();
        works.add(initial(raw));
        List<Modifier> applied = new ArrayList<>();
        for (Modifier modifier : modifiers) {
            if (modifier == Modifier.ALL || modifier == Modifier.NEQ) {
                continue;
            }
            List<Work> next = new ArrayList<>();
            for (Work work : works) {
                next.addAll(apply(modifier, work, applied, raw));
                if (next.size() > MAX_EXPANSION) {
                    throw fail("the value " + raw.describe() + " expands to more than " + MAX_EXPANSION + " alternatives");
                }
            }
            works = next;
            applied.add(modifier);
        }
        return works;
    }

    private Work initial(RawValue raw) {
        return switch (raw.type()) {
            case STRING -> new Str(modifiers.contains(Modifier.EXPAND)
                    ? SigmaString.parseWithPlaceholders(raw.text()) : SigmaString.parse(raw.text()), false, raw.text());
            case INTEGER, FLOAT -> {
                Double number = number(raw.text());
                yield number == null ? new Str(SigmaString.parse(raw.text()), false, raw.text()) : new Num(raw.text(), number);
            }
            case BOOLEAN -> new Bool(Boolean.parseBoolean(raw.text().toLowerCase(Locale.ROOT)));
            case NULL -> new Null();
        };
    }

    private List<Work> apply(Modifier modifier, Work work, List<Modifier> applied, RawValue raw)
            throws InvalidRuleException {
        if (work instanceof Num num && isStringModifier(modifier)) {
            work = new Str(SigmaString.literal(num.text()), false, num.text());
        }
        if (work instanceof Null && modifier != Modifier.CASED) {
            throw fail("modifier '" + modifier.sigmaName() + "' cannot apply to null");
        }
        switch (modifier) {
            case CONTAINS, STARTSWITH, ENDSWITH -> {
                boolean start = modifier != Modifier.STARTSWITH;
                boolean end = modifier != Modifier.ENDSWITH;
                return List.of(switch (work) {
                    case Str s -> {
                        SigmaString string = s.string();
                        if (start && !string.startsWithAny()) {
                            string = string.prepend(Wildcard.ANY);
                        }
                        if (end && !string.endsWithAny()) {
                            string = string.append(Wildcard.ANY);
                        }
                        yield new Str(string, s.cased(), null);
                    }
                    case Re re -> new Re(wrapRegex(re.pattern(), start, end), re.flags());
                    case Ref ref -> new Ref(ref.field(), ref.startsWith() || end, ref.endsWith() || start, ref.cased());
                    default -> throw cannot(modifier, work);
                });
            }
            case CASED -> {
                return List.of(switch (work) {
                    case Str s -> new Str(s.string(), true, s.raw());
                    case Ref ref -> new Ref(ref.field(), ref.startsWith(), ref.endsWith(), true);
                    case Re re -> re;
                    default -> throw cannot(modifier, work);
                });
            }
            case EXISTS -> {
                requireFirst(modifier, applied);
                if (!(work instanceof Bool bool)) {
                    throw fail("modifier 'exists' needs true or false, not " + raw.describe());
                }
                return List.of(new Done(new Value.Exists(bool.value())));
            }
            case WINDASH -> {
                return windash(requireString(modifier, work));
            }
            case RE -> {
                requireFirst(modifier, applied);
                Str s = requireString(modifier, work);
                if (s.raw() == null) {
                    throw fail("modifier 're' applies to the value as written");
                }
                return List.of(new Re(s.raw(), 0));
            }
            case I, M, S -> {
                if (!(work instanceof Re re)) {
                    throw fail("modifier '" + modifier.sigmaName() + "' is a flag of 're' and must follow it");
                }
                int flag = switch (modifier) {
                    case I -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case M -> Pattern.MULTILINE;
                    default -> Pattern.DOTALL;
                };
                return List.of(new Re(re.pattern(), re.flags() | flag));
            }
            case BASE64, BASE64OFFSET -> {
                Str s = requireString(modifier, work);
                if (!s.string().isPlain()) {
                    throw fail("modifier '" + modifier.sigmaName() + "' cannot encode wildcards or placeholders in "
                            + raw.describe() + " (escape them, or use contains after it)");
                }
                byte[] bytes = bytes(s.string().plainText());
                if (modifier == Modifier.BASE64) {
                    return List.of(new Str(SigmaString.literal(Base64.getEncoder().encodeToString(bytes)), s.cased(), null));
                }
                return base64Offsets(bytes, s.cased());
            }
            case UTF16LE, UTF16BE, UTF16, WIDE -> {
                return List.of(utf16(modifier, requireString(modifier, work)));
            }
            case LT, LTE, GT, GTE -> {
                double number = switch (work) {
                    case Num num -> num.value();
                    case Str s when s.raw() != null && number(s.raw()) != null -> number(s.raw());
                    default -> throw fail("modifier '" + modifier.sigmaName() + "' needs a number, not " + raw.describe());
                };
                return List.of(new Done(new Value.Compare(Comparison.valueOf(modifier.name()), number)));
            }
            case MINUTE, HOUR, DAY, WEEK, MONTH, YEAR -> {
                return List.of(new Done(timePart(modifier, work, raw)));
            }
            case CIDR -> {
                requireFirst(modifier, applied);
                Str s = requireString(modifier, work);
                return List.of(new Done(Networks.parse(s.raw(), raw.position())));
            }
            case EXPAND -> {
                return expand(requireString(modifier, work));
            }
            case FIELDREF -> {
                Str s = requireString(modifier, work);
                if (!s.string().isPlain() || s.string().plainText().isBlank()) {
                    throw fail("modifier 'fieldref' needs a plain field name, not " + raw.describe());
                }
                return List.of(new Ref(s.string().plainText(), false, false, s.cased()));
            }
            default -> throw new IllegalStateException("unhandled modifier " + modifier);
        }
    }

    private static String wrapRegex(String pattern, boolean start, boolean end) {
        String body = hasTopLevelAlternation(pattern) ? "(?:" + pattern + ")" : pattern;
        if (start && !body.startsWith("^") && !body.startsWith(".*")) {
            body = ".*" + body;
        }
        if (end && !body.endsWith("$") && !body.endsWith(".*")) {
            body = body + ".*";
        }
        return body;
    }

    private static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStringModifier(Modifier modifier) {
        return modifier == Modifier.CONTAINS || modifier == Modifier.STARTSWITH || modifier == Modifier.ENDSWITH
                || modifier == Modifier.WINDASH || modifier == Modifier.BASE64 || modifier == Modifier.BASE64OFFSET
                || modifier.isUtf16() || modifier == Modifier.CASED || modifier == Modifier.RE;
    }

    private void requireFirst(Modifier modifier, List<Modifier> applied) throws InvalidRuleException {
        for (Modifier before : applied) {
            if (before != Modifier.CASED && before != Modifier.EXPAND) {
                throw fail("modifier '" + modifier.sigmaName() + "' applies to the value as written and cannot follow '"
                        + before.sigmaName() + "'");
            }
        }
    }

    private Str requireString(Modifier modifier, Work work) throws InvalidRuleException {
        if (work instanceof Str s) {
            return s;
        }
        throw cannot(modifier, work);
    }

    private InvalidRuleException cannot(Modifier modifier, Work work) {
        String what = switch (work) {
            case Str s -> "a string";
            case Num n -> "a number";
            case Bool b -> "a boolean";
            case Null n -> "null";
            case Re r -> "a regular expression";
            case Ref r -> "a field reference";
            case Done d -> "a " + d.value().getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(Locale.ROOT) + " value";
        };
        return fail("modifier '" + modifier.sigmaName() + "' cannot apply to " + what + " here");
    }

    private List<Work> windash(Str s) {
        List<List<Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        List<Part> parts = s.string().parts();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            if (!(part instanceof Text text)) {
                variants.forEach(v -> v.add(part));
                continue;
            }
            String value = text.text();
            int start = 0;
            for (int i = 0; i < value.length(); i++) {
                if (isDashPosition(parts, p, value, i)) {
                    String before = value.substring(start, i);
                    List<List<Part>> next = new ArrayList<>();
                    for (List<Part> variant : variants) {
                        for (char dash : DASHES.toCharArray()) {
                            List<Part> copy = new ArrayList<>(variant);
                            copy.add(new Text(before + dash));
                            next.add(copy);
                        }
                    }
                    variants = next;
                    start = i + 1;
                    if (variants.size() > MAX_EXPANSION) {
                        break;
                    }
                }
            }
            String rest = value.substring(start);
            variants.forEach(v -> v.add(new Text(rest)));
        }
        List<Work> works = new ArrayList<>();
        for (List<Part> variant : variants) {
            works.add(new Str(new SigmaString(variant), s.cased(), null));
        }
        return works;
    }

    /** pySigma's rule: a '-' or '/' that starts a word (non-word character or start before it, word character after). */
    private static boolean isDashPosition(List<Part> parts, int partIndex, String text, int i) {
        char c = text.charAt(i);
        if (c != '-' && c != '/') {
            return false;
        }
        boolean wordBefore = i > 0 && isWord(text.charAt(i - 1));
        boolean wordAfter = i + 1 < text.length() && isWord(text.charAt(i + 1));
        return !wordBefore && wordAfter;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** UTF-8, except that a leading byte-order mark from 'utf16' is the UTF-16LE one, as pySigma does. */
    private static byte[] bytes(String text) {
        if (text.startsWith("\uFEFF")) {
            byte[] rest = text.substring(1).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[rest.length + 2];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFE;
            System.arraycopy(rest, 0, bytes, 2, rest.length);
            return bytes;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Work> base64Offsets(byte[] data, boolean cased) {
        int[] startCut = {0, 2, 3};
        int[] endCut = {0, 3, 2};
        List<Work> works = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + data.length];
            for (int i = 0; i < shift; i++) {
                shifted[i] = ' ';
            }
            System.arraycopy(data, 0, shifted, shift, data.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - endCut[(data.length + shift) % 3];
            String middle = encoded.substring(Math.min(startCut[shift], end), end);
            works.add(new Str(SigmaString.literal(middle), cased, null));
        }
        return works;
    }

    private Work utf16(Modifier modifier, Str s) throws InvalidRuleException {
        List<Part> parts = new ArrayList<>();
        if (modifier == Modifier.UTF16) {
            parts.add(new Text("\uFEFF"));
        }
        for (Part part : s.string().parts()) {
            if (part instanceof Text text) {
                StringBuilder wide = new StringBuilder(text.text().length() * 2);
                for (char c : text.text().toCharArray()) {
                    if (c > 0x7F) {
                        throw fail("modifier '" + modifier.sigmaName() + "' only encodes ASCII text; '" + c
                                + "' is not ASCII");
                    }
                    if (modifier == Modifier.UTF16BE) {
                        wide.append('\0').append(c);
                    } else {
                        wide.append(c).append('\0');
                    }
                }
                parts.add(new Text(wide.toString()));
            } else {
                parts.add(part);
            }
        }
        return new Str(new SigmaString(parts), s.cased(), null);
    }

    private Value timePart(Modifier modifier, Work work, RawValue raw) throws InvalidRuleException {
        if (!(work instanceof Num num) || num.value() != Math.rint(num.value())) {
            throw fail("modifier '" + modifier.sigmaName() + "' needs a whole number, not " + raw.describe());
        }
        ChronoField field = switch (modifier) {
            case MINUTE -> ChronoField.MINUTE_OF_HOUR;
            case HOUR -> ChronoField.HOUR_OF_DAY;
            case DAY -> ChronoField.DAY_OF_MONTH;
            case WEEK -> ChronoField.ALIGNED_WEEK_OF_YEAR;
            case MONTH -> ChronoField.MONTH_OF_YEAR;
            default -> ChronoField.YEAR;
        };
        long value = (long) num.value();
        long min = modifier == Modifier.MINUTE || modifier == Modifier.HOUR ? 0 : modifier == Modifier.YEAR ? 1 : 1;
        long max = switch (modifier) {
            case MINUTE -> 59;
            case HOUR -> 23;
            case DAY -> 31;
            case WEEK -> 53;
            case MONTH -> 12;
            default -> 9999;
        };
        if (value < min || value > max) {
            throw fail("modifier '" + modifier.sigmaName() + "' takes " + min + " to " + max + ", not " + value);
        }
        return new Value.TimePart(field, (int) value);
    }

    private List<Work> expand(Str s) throws InvalidRuleException {
        List<List<Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (Part part : s.string().parts()) {
            if (part instanceof Placeholder placeholder) {
                List<String> values = placeholders.lookup(placeholder.name()).orElseThrow(() -> fail("placeholder %"
                        + placeholder.name() + "% has no values configured (known: "
                        + placeholders.values().keySet().stream().sorted().toList() + ")"));
                List<List<Part>> next = new ArrayList<>();
                for (List<Part> variant : variants) {
                    for (String value : values) {
                        List<Part> copy = new ArrayList<>(variant);
                        copy.addAll(SigmaString.parse(value).parts());
                        next.add(copy);
                    }
                }
                variants = next;
                if (variants.size() > MAX_EXPANSION) {
                    throw fail("placeholders expand to more than " + MAX_EXPANSION + " alternatives");
                }
            } else {
                variants.forEach(v -> v.add(part));
            }
        }
        List<Work> works = new ArrayList<>();
        for (List<Part> variant : variants) {
            works.add(new Str(new SigmaString(variant), s.cased(), null));
        }
        return works;
    }

    private Value finish(Work work, RawValue raw) throws InvalidRuleException {
        return switch (work) {
            case Str s -> {
                if (s.string().hasPlaceholders()) {
                    throw fail("placeholders in " + raw.describe() + " are not expanded; add the 'expand' modifier");
                }
                yield new Value.StringPattern(s.string(), s.cased());
            }
            case Num num -> new Value.NumberValue(num.value(), canonical(num));
            case Bool bool -> new Value.BooleanValue(bool.value());
            case Null n -> new Value.NullValue();
            case Re re -> {
                try {
                    yield new Value.Regex(Pattern.compile(re.pattern(), re.flags()));
                } catch (PatternSyntaxException e) {
                    throw new InvalidRuleException(raw.position(), "bad regular expression " + raw.describe() + ": "
                            + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
                } catch (RuntimeException | StackOverflowError e) {
                    throw new InvalidRuleException(raw.position(), "bad regular expression " + raw.describe());
                }
            }
            case Ref ref -> new Value.FieldRef(ref.field(), ref.startsWith(), ref.endsWith(), ref.cased());
            case Done done -> done.value();
        };
    }

    private static String canonical(Num num) {
        double value = num.value();
        return value == Math.rint(value) && Math.abs(value) < 1e18 ? Long.toString((long) value) : Double.toString(value);
    }

    /** A YAML number (decimal, 0x hex, 0o octal, with '_' separators) or null. */
    static Double number(String text) {
        String t = text.replace("_", "").strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return (double) Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return (double) Long.parseLong(t.substring(2), 8);
            }
            double value = Double.parseDouble(t);
            return Double.isFinite(value) && !t.endsWith("f") && !t.endsWith("d") && !t.endsWith("F")
                    && !t.endsWith("D") ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String suggestion(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Modifier modifier = Modifier.parse(lower);
        if (modifier != null) {
            return " (modifiers are lower case: '" + lower + "')";
        }
        return switch (lower) {
            case "contain" -> " (did you mean 'contains'?)";
            case "startwith", "beginswith" -> " (did you mean 'startswith'?)";
            case "endwith" -> " (did you mean 'endswith'?)";
            case "regex" -> " (did you mean 're'?)";
            default -> "";
        };
    }

    private InvalidRuleException fail(String message) {
        return new InvalidRuleException(item.position(), subject() + ": " + message);
    }

    private String subject() {
        return item.isKeyword() ? "keywords" : "field '" + item.field() + "'";
    }
}
