package com.ramparts.soc.index;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.TelemetryEvent;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Daily indices per dataset: {@code <prefix><dataset>-yyyy.MM.dd}, the day of {@code @timestamp} in
 * UTC. The dataset part is {@code event.dataset} lowercased, with anything OpenSearch would refuse
 * replaced by {@code _}, at most {@value #MAX_DATASET_LENGTH} characters; {@value #NO_DATASET} when
 * the event has none. Not thread-safe (it caches the names it made); one per indexing thread.
 */
public final class IndexNames {

    public static final String NO_DATASET = "unknown";
    static final int MAX_DATASET_LENGTH = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu.MM.dd");
    private static final int DAY_SUFFIX_LENGTH = "-yyyy.MM.dd".length();
    private static final int CACHE_LIMIT = 10_000;

    private final String prefix;
    private final Map<String, String> datasets = new HashMap<>();
    private final Map<Long, String> days = new HashMap<>();

    public IndexNames(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The pattern that matches every event index, for the template and the retention job. */
    public String pattern() {
        return prefix + "*";
    }

    public String indexFor(TelemetryEvent event) {
        String dataset = event.fields().string(Ecs.EVENT_DATASET).orElse(NO_DATASET);
        long epochDay = Math.floorDiv(event.timestamp().getEpochSecond(), 86_400L);
        return prefix + cached(datasets, dataset, IndexNames::sanitise) + cached(days, epochDay,
                day -> "-" + DAY.format(LocalDate.ofEpochDay(day)));
    }

    public String indexFor(String dataset, LocalDate day) {
        return prefix + sanitise(dataset) + "-" + DAY.format(day);
    }

    /** The dataset and day of an index this class named; empty for any other name. */
    public Optional<DailyIndex> parse(String index) {
        if (!index.startsWith(prefix) || index.length() < prefix.length() + 1 + DAY_SUFFIX_LENGTH) {
            return Optional.empty();
        }
        int dash = index.length() - DAY_SUFFIX_LENGTH;
        if (index.charAt(dash) != '-') {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(index.substring(dash + 1), DAY);
            return Optional.of(new DailyIndex(index, index.substring(prefix.length(), dash), day));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An event index: its full name, its dataset part and its day (UTC). */
    public record DailyIndex(String name, String dataset, LocalDate day) {
        public LocalDate lastDayKept(int retentionDays) {
            return day.plusDays(retentionDays);
        }
    }

    static String sanitise(String dataset) {
        StringBuilder name = new StringBuilder(Math.min(dataset.length(), MAX_DATASET_LENGTH));
        for (int i = 0; i < dataset.length() && name.length() < MAX_DATASET_LENGTH; i++) {
            char c = Character.toLowerCase(dataset.charAt(i));
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            name.append(allowed ? c : '_');
        }
        return name.isEmpty() ? NO_DATASET : name.toString();
    }

    private static <K> String cached(Map<K, String> cache, K key, Function<K, String> make) {
        String value = cache.get(key);
        if (value == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear(); // a flood of distinct datasets or days must not grow memory
            }
            value = make.apply(key);
            cache.put(key, value);
        }
        return value;
    }
}
