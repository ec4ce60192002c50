package com.ramparts.agent.parse;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a parser needs to know about its site rather than its input.
 *
 * @param localZone the zone of timestamps written without an offset (BSD syslog dates, ClamAV's ctime
 *                  dates, clamscan summaries): the zone of the host that wrote them
 */
public record ParserSettings(ZoneId localZone) {

    /** Vietnam's zone, where every Ramparts site runs. */
    public static final ParserSettings DEFAULTS = new ParserSettings(ZoneId.of("Asia/Ho_Chi_Minh"));

    public ParserSettings {
        Objects.requireNonNull(localZone, "localZone");
    }
}
