package com.ramparts.soc.ingest;

import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.MalformedEventException;
import com.ramparts.telemetry.json.TelemetryJson;

import java.nio.charset.StandardCharsets;

/** Turns a Kafka record into an event, or says why it is not one. Thread-safe. */
final class EventDecoder {

    private static final byte[] NO_BYTES = new byte[0];
    private static final int MAX_KEY_SHOWN = 80;

    private final TelemetryJson json;

    EventDecoder(TelemetryJson json) {
        this.json = json;
    }

    /** The outcome for one record: an event, or a rejection. */
    sealed interface Decoded permits Accepted, Rejected {
    }

    record Accepted(TelemetryEvent event) implements Decoded {
    }

    record Rejected(Rejection rejection) implements Decoded {
    }

    Decoded decode(byte[] key, byte[] value) {
        TelemetryEvent event;
        try {
            event = json.read(value == null ? NO_BYTES : value);
        } catch (MalformedEventException e) {
            return new Rejected(new Rejection(e.reason().name(), e.getMessage()));
        }
        String siteId = event.origin().siteId();
        if (key == null) {
            return new Rejected(new Rejection(Rejection.SITE_MISMATCH,
                    "the record has no key; it must be the event's site id '" + siteId + "'"));
        }
        String sender = new String(key, StandardCharsets.UTF_8);
        if (!sender.equals(siteId)) {
            String shown = sender.length() <= MAX_KEY_SHOWN ? sender : sender.substring(0, MAX_KEY_SHOWN) + "...";
            return new Rejected(new Rejection(Rejection.SITE_MISMATCH, "the record key '" + shown
                    + "' is not the event's site id '" + siteId + "': a site may only send its own events"));
        }
        return new Accepted(event);
    }
}
