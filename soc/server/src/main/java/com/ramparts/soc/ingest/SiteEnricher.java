package com.ramparts.soc.ingest;

import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Adds what the site registry knows to an event's JSON, touching the bytes as little as possible:
 * <ul>
 *   <li>registered site, unit given and right: the bytes go on as they arrived (the common case);</li>
 *   <li>registered site, no unit: {@code "ramparts.unit_id":"<unit>"} is appended to the document;</li>
 *   <li>registered site, another unit: the registry wins and the event is re-written with it;</li>
 *   <li>unknown site: indexed all the same (telemetry is never dropped), with
 *       {@code "labels.site_status":"unregistered"} appended so analysts can find and register it.</li>
 * </ul>
 * Appending is safe because the decoder has read the document: it is one JSON object whose last
 * non-blank byte is its closing brace, and the appended name is absent from it (checked). OpenSearch
 * and {@link TelemetryJson} read dotted names and nested objects alike. Not thread-safe.
 */
final class SiteEnricher {

    static final String SITE_STATUS = "labels.site_status";
    static final String UNREGISTERED = "unregistered";
    private static final String LABELS = "labels";

    private final SiteRegistry registry;
    private final TelemetryJson json;
    private final Runnable onUnregistered;

    SiteEnricher(SiteRegistry registry, TelemetryJson json, Runnable onUnregistered) {
        this.registry = registry;
        this.json = json;
        this.onUnregistered = onUnregistered;
    }

    byte[] enrich(TelemetryEvent event, byte[] document) {
        Optional<Site> site = registry.find(event.origin().siteId());
        if (site.isEmpty()) {
            onUnregistered.run();
            if (event.fields().contains(LABELS) || event.fields().contains(SITE_STATUS)) {
                return json.write(flaggedCopy(event));
            }
            return append(document, "\"" + SITE_STATUS + "\":\"" + UNREGISTERED + "\"");
        }
        String unit = site.get().unitId();
        Optional<String> given = event.origin().unitId();
        if (given.isEmpty()) {
            return append(document, "\"" + Ecs.RAMPARTS_UNIT_ID + "\":\"" + unit + "\"");
        }
        if (given.get().equals(unit)) {
            return document;
        }
        return json.write(event.toBuilder().origin(event.origin().withUnit(unit)).build());
    }

    /** The rare case where the agent itself used the flag's name: its value gives way to ours. */
    private static TelemetryEvent flaggedCopy(TelemetryEvent event) {
        TelemetryEvent.Builder copy = TelemetryEvent.builder().timestamp(event.timestamp()).origin(event.origin())
                .original(event.original().orElse(null));
        event.fields().forEach((name, value) -> {
            if (!name.equals(LABELS) && !name.equals(SITE_STATUS)) {
                copy.put(name, value);
            }
        });
        return copy.put(SITE_STATUS, UNREGISTERED).build();
    }

    /** Identifiers and our constants need no JSON escaping. */
    static byte[] append(byte[] document, String member) {
        int close = document.length - 1;
        while (close >= 0 && document[close] != '}') {
            close--; // trailing whitespace
        }
        if (close < 0) {
            throw new IllegalArgumentException("not a JSON object");
        }
        byte[] extra = ("," + member).getBytes(StandardCharsets.US_ASCII);
        byte[] enriched = Arrays.copyOf(document, close + extra.length + 1);
        System.arraycopy(extra, 0, enriched, close, extra.length);
        enriched[close + extra.length] = '}';
        return enriched;
    }
}
