package com.ramparts.soc.web.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The time range of a search: a preset ending now ({@code 15m} ... {@code 30d}) or {@code custom}
 * local times from the form, read in the dashboard's time zone.
 */
public record TimeWindow(String range, Instant from, Instant to) {

    public static final String DEFAULT_RANGE = "24h";
    public static final String CUSTOM = "custom";
    static final Map<String, Duration> PRESETS = Map.of(
            "15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1), "6h", Duration.ofHours(6),
            "24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));
    /** In the order the form offers them. */
    public static final List<String> RANGES = List.of("15m", "1h", "6h", "24h", "7d", "30d", CUSTOM);
    private static final Duration LONGEST = Duration.ofDays(400);
    /** Histogram bucket widths, smallest first; the first that gives at most {@link #MAX_BUCKETS} buckets wins. */
    private static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7));
    private static final int MAX_BUCKETS = 120;

    public static TimeWindow of(String range, String from, String to, ZoneId zone, Instant now) {
        String chosen = range == null || range.isBlank() ? DEFAULT_RANGE : range;
        if (CUSTOM.equals(chosen)) {
            Instant start = local("from", from, zone);
            Instant end = local("to", to, zone);
            if (!end.isAfter(start)) {
                throw new BadSearchException("search.error.rangeOrder");
            }
            if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                throw new BadSearchException("search.error.rangeTooLong", LONGEST.toDays());
            }
            return new TimeWindow(CUSTOM, start, end);
        }
        Duration length = PRESETS.get(chosen);
        if (length == null) {
            throw new BadSearchException("search.error.unknownRange", chosen);
        }
        return new TimeWindow(chosen, now.minus(length), now);
    }

    /** The histogram's bucket width for this window. */
    public Duration interval() {
        Duration length = Duration.between(from, to);
        return INTERVALS.stream()
                .filter(interval -> length.dividedBy(interval) <= MAX_BUCKETS)
                .findFirst()
                .orElse(INTERVALS.getLast());
    }

    private static Instant local(String which, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw new BadSearchException("search.error.customNeedsBoth");
        }
        if (value.length() > 32) {
            throw new BadSearchException("search.error.badTime", which);
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadSearchException("search.error.badTime", which);
        }
    }
}
