package com.ramparts.telemetry.event;

import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.util.Objects;

/**
 * The deterministic, globally unique id of an event: the agent that read it, the input it came from
 * and its position in that input. Its canonical string {@code agentId:inputId:sequence}
 * ({@link #toString()}) is the OpenSearch {@code _id}, so a redelivered event overwrites itself
 * instead of showing up twice. (The Kafka record key is the site id, not this.)
 *
 * @param agentId  1 to 64 characters of {@code A-Z a-z 0-9 . _ -}
 * @param inputId  1 to 64 characters of {@code A-Z a-z 0-9 . _ -}
 * @param sequence the event's position in its input, {@code >= 0}
 */
public record EventId(String agentId, String inputId, long sequence) {

    /** Longest canonical form (149 ASCII characters), well under OpenSearch's 512-byte {@code _id} limit. */
    public static final int MAX_LENGTH = 2 * Identifier.MAX_LENGTH + 2 + String.valueOf(Long.MAX_VALUE).length();

    public EventId {
        Identifier.require(Ecs.RAMPARTS_AGENT_ID, agentId);
        Identifier.require(Ecs.RAMPARTS_INPUT_ID, inputId);
        if (sequence < 0) {
            throw new InvalidEventException(Ecs.RAMPARTS_SEQUENCE, Rule.RANGE, "must be >= 0, was " + sequence);
        }
    }

    /**
     * Parses the canonical form. Only the canonical form is accepted (no sign, no leading zeros), so
     * {@code parse(s).toString().equals(s)} always holds.
     *
     * @throws InvalidEventException (field {@code ramparts.event_id}) saying what is wrong
     */
    public static EventId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw invalid("is " + text.length() + " characters long; at most " + MAX_LENGTH + " are possible");
        }
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        if (second < 0) {
            throw invalid("'" + text + "' is not of the form agentId:inputId:sequence");
        }
        String agentId = text.substring(0, first);
        String inputId = text.substring(first + 1, second);
        long sequence = parseSequence(text.substring(second + 1), text);
        try {
            return new EventId(agentId, inputId, sequence);
        } catch (InvalidEventException e) {
            throw invalid("'" + text + "': " + e.field() + " " + e.detail());
        }
    }

    private static long parseSequence(String digits, String text) {
        boolean canonical = !digits.isEmpty() && (digits.length() == 1 || digits.charAt(0) != '0');
        for (int i = 0; canonical && i < digits.length(); i++) {
            canonical = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
        }
        if (!canonical) {
            throw invalid("'" + text + "': the sequence must be a non-negative whole number without sign"
                    + " or leading zeros, was '" + digits + "'");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidEventException(Ecs.RAMPARTS_EVENT_ID, Rule.RANGE,
                    "'" + text + "': the sequence is larger than " + Long.MAX_VALUE);
        }
    }

    private static InvalidEventException invalid(String detail) {
        return new InvalidEventException(Ecs.RAMPARTS_EVENT_ID, Rule.VALUE, detail);
    }

    /** The canonical form {@code agentId:inputId:sequence}. */
    @Override
    public String toString() {
        return agentId + ':' + inputId + ':' + sequence;
    }
}
