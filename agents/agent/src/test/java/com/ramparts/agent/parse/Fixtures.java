package com.ramparts.agent.parse;

import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads fixtures from the classpath and runs parsers over them the way the pipeline would. */
public final class Fixtures {

    /** The moment the fixture files count as read. */
    public static final Instant RECEIVED = Instant.parse("2026-11-22T04:00:00Z");
    private static final TelemetryJson JSON = new TelemetryJson();

    private Fixtures() {
    }

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture divided as its format's framing divides it. */
    public static List<String> records(String format, String path) {
        return Records.split(text(path), Parsers.format(format).framing(), 1 << 20).stream()
                .map(Records.Numbered::text).toList();
    }

    /** Every record of the fixture through a fresh parser; fails the test on the first ParseException. */
    public static List<TelemetryEvent> parseAll(String format, String path) {
        RecordParser parser = Parsers.create(format, ParserSettings.DEFAULTS);
        List<TelemetryEvent> events = new ArrayList<>();
        for (String record : records(format, path)) {
            try {
                events.addAll(parse(parser, record));
            } catch (ParseException e) {
                throw new AssertionError("record refused: " + e.reason() + "\n" + record, e);
            }
        }
        return events;
    }

    /** One record through the parser, each draft finished with a test origin and round-tripped through JSON. */
    public static List<TelemetryEvent> parse(RecordParser parser, String text) throws ParseException {
        return parse(parser, new RawRecord(text, RECEIVED, "test", false));
    }

    public static List<TelemetryEvent> parse(RecordParser parser, RawRecord record) throws ParseException {
        List<TelemetryEvent.Builder> drafts = new ArrayList<>();
        parser.parse(record, drafts::add);
        List<TelemetryEvent> events = new ArrayList<>();
        for (TelemetryEvent.Builder draft : drafts) {
            TelemetryEvent event = draft.origin(Origin.of("test", new EventId("test", parser.format(), events.size()))).build();
            // what soc will read back must equal what we built
            TelemetryEvent read = JSON.read(JSON.write(event));
            if (!read.equals(event)) {
                throw new AssertionError("event does not survive its JSON form: " + event);
            }
            events.add(event);
        }
        return events;
    }

    /** A field's value as a string, list or number, for assertions. */
    public static Object value(TelemetryEvent event, String field) {
        var value = event.field(field);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case com.ramparts.telemetry.event.FieldValue.StringValue s -> s.value();
            case com.ramparts.telemetry.event.FieldValue.LongValue l -> l.value();
            case com.ramparts.telemetry.event.FieldValue.DoubleValue d -> d.value();
            case com.ramparts.telemetry.event.FieldValue.BooleanValue b -> b.value();
            case com.ramparts.telemetry.event.FieldValue.StringList list -> list.values();
        };
    }
}
