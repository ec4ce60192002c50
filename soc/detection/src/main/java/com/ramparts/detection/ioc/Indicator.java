package com.ramparts.detection.ioc;

import com.ramparts.detection.rule.Level;
import java.time.Instant;
import java.util.Objects;

/**
 * One indicator of compromise from one feed.
 *
 * @param feed        the feed it came from: the list file's name without its extension ({@code vncert-2026-11})
 * @param id          its id in the feed: STIX indicator id, MISP attribute uuid, CSV {@code id} column
 * @param type        what the value is
 * @param value       the normal form that is matched ({@link IndicatorValues})
 * @param level       the alert level a hit gets (from MISP threat level, STIX confidence, CSV {@code level})
 * @param confidence  0-100 when the feed says, else -1
 * @param tlp         who may see it; null when the feed does not say
 * @param validFrom   it matches events at or after this time; null for always
 * @param validUntil  it matches events before this time; null for never expires
 * @param source      who published it (MISP Orgc, STIX created_by_ref identity), or empty
 * @param description free text from the feed, or empty
 * @param version     its modification time in the feed, or empty
 */
public record Indicator(String feed, String id, IndicatorType type, String value, Level level, int confidence, Tlp tlp,
        Instant validFrom, Instant validUntil, String source, String description, String version) {

    public Indicator {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(level, "level");
        source = source == null ? "" : source;
        description = description == null ? "" : description;
        version = version == null ? "" : version;
    }

    /** Whether an event at {@code time} may match it: within [valid_from, valid_until). */
    public boolean validAt(Instant time) {
        return (validFrom == null || !time.isBefore(validFrom)) && (validUntil == null || time.isBefore(validUntil));
    }

    /** The rule id its alerts carry: {@code ioc:<feed>}. */
    public String ruleId() {
        return "ioc:" + feed;
    }
}
