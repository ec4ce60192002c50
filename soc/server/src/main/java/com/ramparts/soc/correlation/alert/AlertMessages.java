package com.ramparts.soc.correlation.alert;

import com.ramparts.detection.compile.Match;
import com.ramparts.detection.correlation.Alert;
import com.ramparts.detection.ioc.Indicator;
import com.ramparts.detection.ioc.IndicatorHit;
import com.ramparts.detection.rule.Level;
import com.ramparts.detection.rule.RuleInfo;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds alerts and writes them as JSON. Thread-safe. */
public final class AlertMessages {

    public static final String DETECTION = "detection";
    public static final String CORRELATION = "correlation";
    public static final String ABSENCE = "absence";
    public static final String INDICATOR = "indicator";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private AlertMessages() {
    }

    /** Where an alert happened: site, unit and drill exercise, each possibly null. */
    public record Place(String siteId, String unitId, String exerciseId) {
        public static final Place UNKNOWN = new Place(null, null, null);
    }

    public static AlertMessage detection(Match match, String eventId, Instant time, Place place, Instant now) {
        String id = id(DETECTION, match.ruleId(), match.version(), eventId);
        return new AlertMessage(AlertMessage.SCHEMA, id, DETECTION, match.ruleId(), match.version(), match.title(),
                match.level().sigmaName(), severity(match.level()), null, match.techniques(), match.tags(), Map.of(),
                place.siteId(), place.unitId(), List.of(eventId), 1, time.toString(), time.toString(), 1,
                place.exerciseId(), now.toString());
    }

    /**
     * An event carried an indicator of compromise. Rule id {@code ioc:<feed>}, version the
     * indicator's modification time in the feed, level from the indicator; the group key names the
     * indicator with ECS threat fields ({@code threat.indicator.value}, {@code threat.feed.name}...).
     * The id depends on feed, indicator id and event only, so a replay yields the same alert.
     */
    public static AlertMessage indicator(IndicatorHit hit, String eventId, Instant time, Place place, Instant now) {
        Indicator indicator = hit.indicator();
        String id = id(INDICATOR, indicator.ruleId(), indicator.id(), eventId);
        Map<String, String> group = new LinkedHashMap<>();
        group.put("threat.feed.name", indicator.feed());
        group.put("threat.indicator.id", indicator.id());
        group.put("threat.indicator.type", indicator.type().csvName());
        group.put("threat.indicator.value", indicator.value());
        group.put("threat.indicator.matched.field", hit.field());
        group.put("threat.indicator.matched.atomic", hit.observed());
        if (indicator.tlp() != null) {
            group.put("threat.indicator.marking.tlp", indicator.tlp().label().toUpperCase(java.util.Locale.ROOT));
        }
        if (indicator.confidence() >= 0) {
            group.put("threat.indicator.confidence", Integer.toString(indicator.confidence()));
        }
        if (!indicator.source().isEmpty()) {
            group.put("threat.indicator.provider", indicator.source());
        }
        List<String> tags = new java.util.ArrayList<>(List.of("ioc", "ioc." + indicator.type().csvName()));
        if (indicator.tlp() != null) {
            tags.add("tlp:" + indicator.tlp().label());
        }
        String title = "Indicator " + indicator.value() + " from " + indicator.feed()
                + (indicator.description().isEmpty() ? "" : ": " + indicator.description());
        return new AlertMessage(AlertMessage.SCHEMA, id, INDICATOR, indicator.ruleId(),
                indicator.version().isEmpty() ? "1" : indicator.version(), title.length() > 300 ? title.substring(0, 300) : title,
                indicator.level().sigmaName(), severity(indicator.level()), null, List.of(), tags, group, place.siteId(),
                place.unitId(), List.of(eventId), 1, time.toString(), time.toString(), 1, place.exerciseId(), now.toString());
    }

    public static AlertMessage correlation(Alert alert, Place place, Instant now) {
        String type = alert.correlation().map(c -> c.sigmaName()).orElse(null);
        String id = id(CORRELATION, alert.ruleId(), alert.version(), new TreeMap<>(alert.groupKey()).toString(),
                alert.windowStart().toString(), alert.windowEnd().toString(), String.join(",", alert.eventIds()));
        return new AlertMessage(AlertMessage.SCHEMA, id, CORRELATION, alert.ruleId(), alert.version(), alert.title(),
                alert.level().sigmaName(), severity(alert.level()), type, alert.techniques(), alert.tags(),
                alert.groupKey(), place.siteId(), place.unitId(), alert.eventIds(), alert.eventCount(),
                alert.windowStart().toString(), alert.windowEnd().toString(), alert.value(), place.exerciseId(),
                now.toString());
    }

    /**
     * @param lastSeen    event time of the newest event seen (or when watching began)
     * @param lastEventId that event's id, or null when none was ever seen
     * @param silence     how long the source had been silent, by the watermark, when the alert was raised
     */
    public static AlertMessage absence(RuleInfo rule, Map<String, String> group, Instant lastSeen, String lastEventId,
            Instant windowEnd, double silence, Place place, Instant now) {
        Map<String, String> ordered = new LinkedHashMap<>(group);
        String id = id(ABSENCE, rule.id(), rule.version(), new TreeMap<>(group).toString(), lastSeen.toString());
        return new AlertMessage(AlertMessage.SCHEMA, id, ABSENCE, rule.id(), rule.version(), rule.title(),
                rule.level().sigmaName(), severity(rule.level()), ABSENCE, rule.techniques(), rule.tags(), ordered,
                place.siteId(), place.unitId(), lastEventId == null ? List.of() : List.of(lastEventId),
                lastEventId == null ? 0 : 1, lastSeen.toString(), windowEnd.toString(), silence, place.exerciseId(),
                now.toString());
    }

    public static byte[] json(AlertMessage alert) {
        return JSON.writeValueAsBytes(alert);
    }

    public static AlertMessage read(byte[] json) {
        return JSON.readValue(json, AlertMessage.class);
    }

    static int severity(Level level) {
        return level.ordinal() + 1;
    }

    /** 128 bits of SHA-256 over the parts that identify the alert, so a replay yields the same id. */
    private static String id(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
