package com.ramparts.detection.condition;

import com.ramparts.detection.condition.Condition.And;
import com.ramparts.detection.condition.Condition.Not;
import com.ramparts.detection.condition.Condition.Of;
import com.ramparts.detection.condition.Condition.Or;
import com.ramparts.detection.condition.Condition.Quantifier;
import com.ramparts.detection.condition.Condition.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over Sigma's condition grammar. Precedence, loosest first: {@code or},
 * {@code and}, {@code not}, {@code x of}, parentheses. Keywords are case-insensitive.
 */
public final class ConditionParser {

    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_NESTING = 100;

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int nesting;

    private record Token(String text, int offset) {
        String keyword() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private ConditionParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static Condition parse(String text) throws ConditionSyntaxException {
        if (text.length() > MAX_LENGTH) {
            throw new ConditionSyntaxException(0, "the condition is " + text.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed");
        }
        ConditionParser parser = new ConditionParser(text, tokenize(text));
        if (parser.tokens.isEmpty()) {
            throw new ConditionSyntaxException(0, "the condition is empty");
        }
        Condition condition = parser.or();
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new ConditionSyntaxException(extra.offset(), "unexpected '" + extra.text() + "' after a complete condition"
                    + (isIdentifier(extra) ? " (missing 'and' or 'or'?)" : ""));
        }
        return condition;
    }

    private static List<Token> tokenize(String text) throws ConditionSyntaxException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i++));
            } else if (c == '|') {
                throw new ConditionSyntaxException(i, "aggregations ('| count() ...') were removed in Sigma 2;"
                        + " write a correlation rule (event_count, value_count, ...) instead");
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()|".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), start));
            }
        }
        return tokens;
    }

    private Condition or() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(and());
        while (peekKeyword("or")) {
            next++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new Or(operands);
    }

    private Condition and() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(not());
        while (peekKeyword("and")) {
            next++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.getFirst() : new And(operands);
    }

    private Condition not() throws ConditionSyntaxException {
        if (peekKeyword("not")) {
            next++;
            enter();
            Condition operand = not();
            nesting--;
            return new Not(operand);
        }
        return primary();
    }

    private Condition primary() throws ConditionSyntaxException {
        Token token = take("a search identifier, '(', 'not', '1 of' or 'all of'");
        String keyword = token.keyword();
        if (token.text().equals("(")) {
            enter();
            Condition inner = or();
            nesting--;
            Token close = take("')' closing the '(' at offset " + token.offset());
            if (!close.text().equals(")")) {
                throw new ConditionSyntaxException(close.offset(), "expected ')' to close the '(' at offset "
                        + token.offset() + ", found '" + close.text() + "'");
            }
            return inner;
        }
        if (peekKeyword("of")) {
            Quantifier quantifier = switch (keyword) {
                case "1", "any" -> Quantifier.ONE;
                case "all" -> Quantifier.ALL;
                default -> throw new ConditionSyntaxException(token.offset(), "'" + token.text()
                        + " of' is not Sigma; only '1 of' (or 'any of') and 'all of' are");
            };
            next++;
            Token pattern = take("a search identifier pattern or 'them' after 'of'");
            if (!isIdentifier(pattern)) {
                throw new ConditionSyntaxException(pattern.offset(), "expected a search identifier pattern or 'them'"
                        + " after 'of', found '" + pattern.text() + "'");
            }
            String name = pattern.keyword().equals(Of.THEM) ? Of.THEM : pattern.text();
            return new Of(quantifier, name, pattern.offset());
        }
        if (!isIdentifier(token)) {
            throw new ConditionSyntaxException(token.offset(), "expected a search identifier, '(', 'not', '1 of' or"
                    + " 'all of', found '" + token.text() + "'");
        }
        if (keyword.equals("near")) {
            throw new ConditionSyntaxException(token.offset(), "'near' was removed in Sigma 2; write a temporal"
                    + " correlation rule instead");
        }
        if (token.text().indexOf('*') >= 0) {
            throw new ConditionSyntaxException(token.offset(), "the pattern '" + token.text()
                    + "' needs '1 of' or 'all of' before it");
        }
        return new Ref(token.text(), token.offset());
    }

    private void enter() throws ConditionSyntaxException {
        if (++nesting > MAX_NESTING) {
            throw new ConditionSyntaxException(tokens.get(Math.max(0, next - 1)).offset(),
                    "the condition nests more than " + MAX_NESTING + " levels deep");
        }
    }

    private static boolean isIdentifier(Token token) {
        return switch (token.keyword()) {
            case "(", ")", "and", "or", "not", "of" -> false;
            default -> true;
        };
    }

    private boolean peekKeyword(String keyword) {
        return next < tokens.size() && tokens.get(next).keyword().equals(keyword);
    }

    private Token take(String expected) throws ConditionSyntaxException {
        if (next >= tokens.size()) {
            throw new ConditionSyntaxException(text.length(), "the condition ends where " + expected + " was expected");
        }
        return tokens.get(next++);
    }
}
