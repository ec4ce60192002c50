package com.ramparts.soc.site;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One site: a ward office, district or department network with an agent.
 *
 * @param siteId          the agent's {@code ramparts.site_id} and Kafka record key
 * @param unitId          the agency unit the site belongs to (its {@code ramparts.unit_id})
 * @param name            what people call it
 * @param expectedSources the {@code event.dataset} values it should send, e.g. {@code suricata.eve}
 * @param contacts        whom to call about it, in order
 */
public record Site(String siteId, String unitId, String name, List<String> expectedSources, List<Contact> contacts) {

    /** The rule of the telemetry model's identifiers, so every registered id can appear in an event. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Site {
        requireIdentifier("siteId", siteId);
        requireIdentifier("unitId", unitId);
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        expectedSources = List.copyOf(expectedSources);
        contacts = List.copyOf(contacts);
    }

    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 64 of A-Z a-z 0-9 . _ -, was " + value);
        }
    }

    /** @param email and @param phone may be null */
    public record Contact(String name, String email, String phone) {
        public Contact {
            Objects.requireNonNull(name, "name");
        }
    }
}
