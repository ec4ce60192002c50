package com.ramparts.agent.parse.common;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One event draft under construction. Values are bounded to what soc's reader accepts (strings to
 * {@link #MAX_STRING} characters, lists to {@link #MAX_LIST} elements), empty values are left out,
 * IP fields are checked, and the timestamp must lie in the model's range — so a draft that a parser
 * finishes always builds once the pipeline adds its origin.
 */
public final class Draft {

    /** TelemetryLimits' default maxStringLength. */
    public static final int MAX_STRING = 32_768;
    /** TelemetryLimits' default maxArrayLength. */
    public static final int MAX_LIST = 1_024;

    private final TelemetryEvent.Builder builder = TelemetryEvent.builder();
    private List<String> tags;

    private Draft() {
    }

    /**
     * @throws ParseException if the timestamp is outside what an event may carry (years 1 to 9999)
     */
    public static Draft at(Instant timestamp, String original) throws ParseException {
        Draft draft = new Draft();
        draft.timestamp(timestamp);
        draft.builder.original(original);
        return draft;
    }

    public Draft timestamp(Instant timestamp) throws ParseException {
        if (timestamp.isBefore(TelemetryEvent.EARLIEST) || timestamp.isAfter(TelemetryEvent.LATEST)) {
            throw new ParseException("the timestamp " + timestamp + " is outside years 1 to 9999");
        }
        builder.timestamp(timestamp);
        return this;
    }

    /** Sets {@code event.kind}, {@code event.category} and {@code event.type} together. */
    public Draft classify(String kind, List<String> categories, List<String> types) {
        builder.put("event.kind", kind);
        if (!categories.isEmpty()) {
            builder.put("event.category", categories);
        }
        if (!types.isEmpty()) {
            builder.put("event.type", types);
        }
        return this;
    }

    /** Sets {@code event.module} and {@code event.dataset} and the observer's vendor, product and type. */
    public Draft source(String module, String dataset, String vendor, String product, String observerType) {
        builder.put("event.module", module);
        builder.put("event.dataset", dataset);
        builder.put("observer.vendor", vendor);
        builder.put("observer.product", product);
        if (observerType != null) {
            builder.put("observer.type", observerType);
        }
        return this;
    }

    /** A string; null or empty values are skipped, long ones cut to {@link #MAX_STRING}. */
    public Draft put(String name, String value) {
        if (value != null && !value.isEmpty() && !builder.has(name)) {
            builder.put(name, bound(value));
        }
        return this;
    }

    public Draft put(String name, long value) {
        if (!builder.has(name)) {
            builder.put(name, value);
        }
        return this;
    }

    /** A floating-point number; NaN and infinities are skipped. */
    public Draft put(String name, double value) {
        if (Double.isFinite(value) && !builder.has(name)) {
            builder.put(name, value);
        }
        return this;
    }

    public Draft put(String name, boolean value) {
        if (!builder.has(name)) {
            builder.put(name, value);
        }
        return this;
    }

    /** A list of strings; empty lists are skipped, empty elements dropped, the rest bounded. */
    public Draft put(String name, List<String> values) {
        if (builder.has(name)) {
            return this;
        }
        List<String> kept = new ArrayList<>(Math.min(values.size(), MAX_LIST));
        for (String value : values) {
            if (value != null && !value.isEmpty() && kept.size() < MAX_LIST) {
                kept.add(bound(value));
            }
        }
        if (!kept.isEmpty()) {
            builder.put(name, kept);
        }
        return this;
    }

    /**
     * An IP address field; the value is checked because OpenSearch refuses a document whose {@code ip}
     * field is not an address.
     *
     * @throws ParseException if the value is not an IPv4 or IPv6 address
     */
    public Draft putIp(String name, String value) throws ParseException {
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (!Ips.isValid(value)) {
            throw new ParseException(name + ": '" + Texts.shorten(value) + "' is not an IP address");
        }
        return put(name, value);
    }

    /** A MAC address in ECS form (upper case, dash-separated); skipped when it is not six octets. */
    public Draft putMac(String name, String value) {
        if (value != null && value.length() == 17) {
            String mac = value.toUpperCase(Locale.ROOT).replace(':', '-');
            if (mac.matches("([0-9A-F]{2}-){5}[0-9A-F]{2}")) {
                put(name, mac);
            }
        }
        return this;
    }

    public Draft tag(String tag) {
        if (tags == null) {
            tags = new ArrayList<>(1);
        }
        tags.add(tag);
        return this;
    }

    public boolean has(String name) {
        return builder.has(name);
    }

    /** The finished draft for the pipeline. */
    public TelemetryEvent.Builder builder() {
        if (tags != null && !builder.has("tags")) {
            builder.put("tags", List.copyOf(tags));
            tags = null;
        }
        return builder;
    }

    private static String bound(String value) {
        String text = value;
        if (text.length() > MAX_STRING) {
            int end = MAX_STRING;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            text = text.substring(0, end);
        }
        return Texts.withoutLoneSurrogates(text);
    }
}
