package com.ramparts.detection.compile;

import com.ramparts.detection.modifier.Value;

/**
 * Something an event must have for a test to pass: the unit the {@link RuleIndex} files rules
 * under. A rule is only tested for an event that satisfies one of the needs it is filed under, so
 * a need may be weaker than the test (over-approximate) but never stronger.
 */
sealed interface Need {

    String field();

    /**
     * How likely an event is to satisfy this need, roughly: with the number of rules sharing it,
     * the expected number of tests it causes. Only relative sizes matter.
     */
    double prior();

    /** The field has one of these folded equality keys (see {@link EqualityKeys}). */
    record Equal(String field, String key) implements Need {
        @Override
        public double prior() {
            return 0.1;
        }
    }

    enum Anchor { ANYWHERE, START, END }

    /**
     * The folded text occurs in the field's text (at its start or end if anchored). {@code cased}
     * holds the text as written when the match is case-sensitive, else null.
     */
    record Literal(String field, String folded, Anchor anchor, String cased) implements Need {

        /** Null for text the index cannot search for safely: empty, or with a lone surrogate. */
        static Literal of(String field, String text, Anchor anchor, boolean cased) {
            if (text.isEmpty() || Fold.hasLoneSurrogate(text)) {
                return null;
            }
            return new Literal(field, Fold.fold(text), anchor, cased ? text : null);
        }

        @Override
        public double prior() {
            return (anchor == Anchor.ANYWHERE ? 1.0 : 0.5) / (1 + folded.length());
        }
    }

    /** The field holds an address in this network: {@code bits} are the prefix bits as '0'/'1'. */
    record Network(String field, boolean v6, String bits) implements Need {

        static Network of(String field, Value.Network network) {
            byte[] address = network.address();
            StringBuilder bits = new StringBuilder(network.prefix());
            for (int i = 0; i < network.prefix(); i++) {
                bits.append((address[i / 8] >> (7 - i % 8) & 1) == 1 ? '1' : '0');
            }
            return new Network(field, address.length == 16, bits.toString());
        }

        @Override
        public double prior() {
            return Math.pow(0.5, Math.min(bits.length(), 24) / 4.0);
        }
    }

    /** The field is present. */
    record Present(String field) implements Need {
        @Override
        public double prior() {
            return 1.0;
        }
    }
}
