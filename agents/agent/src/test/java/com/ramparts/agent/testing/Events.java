package com.ramparts.agent.testing;

import com.ramparts.agent.spool.Spool;
import com.ramparts.agent.spool.SpoolBatch;
import com.ramparts.agent.spool.SpoolPosition;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading events back in tests. */
public final class Events {

    public static final TelemetryJson JSON = new TelemetryJson();

    private Events() {
    }

    /** Every event in the spool from its cursor, without acknowledging anything. */
    public static List<TelemetryEvent> inSpool(Spool spool) throws IOException {
        List<TelemetryEvent> events = new ArrayList<>();
        SpoolPosition at = spool.cursor();
        while (true) {
            SpoolBatch batch = spool.read(at, 1000, 1 << 22);
            if (batch.isEmpty()) {
                return events;
            }
            batch.entries().forEach(e -> events.add(JSON.read(e.payload())));
            at = batch.next();
        }
    }

    public static List<String> ids(List<TelemetryEvent> events) {
        return events.stream().map(e -> e.id().toString()).toList();
    }

    public static String message(TelemetryEvent event) {
        return event.fields().string("message").orElse(null);
    }
}
