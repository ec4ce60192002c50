package com.ramparts.detection.condition;

import java.util.List;

/** A parsed Sigma condition. Offsets are into the condition text, for error messages. */
public sealed interface Condition {

    /** A search identifier by name. */
    record Ref(String name, int offset) implements Condition {
    }

    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Condition operand) implements Condition {
    }

    enum Quantifier { ONE, ALL }

    /**
     * {@code 1 of pattern} / {@code all of pattern}; the pattern {@code them} means every search
     * identifier not starting with an underscore.
     */
    record Of(Quantifier quantifier, String pattern, int offset) implements Condition {

        public static final String THEM = "them";

        public boolean isThem() {
            return pattern.equals(THEM);
        }
    }
}
