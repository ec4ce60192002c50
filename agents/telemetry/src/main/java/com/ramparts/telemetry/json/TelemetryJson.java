package com.ramparts.telemetry.json;

import com.ramparts.telemetry.event.InvalidEventException;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.MalformedEventException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes and reads {@link TelemetryEvent}s as ECS JSON (UTF-8):
 *
 * <pre>{@code
 * {"@timestamp":"2026-03-01T08:15:30.123Z",
 *  "destination":{"ip":"10.20.0.5","port":443},
 *  "event":{"kind":"alert","original":"{...}"},
 *  ...every other field, nested, in name order...,
 *  "ramparts":{"event_id":"agent-7:suricata-eve:42","site_id":"ward-03","unit_id":"d1-ward-03",
 *              "agent_id":"agent-7","input_id":"suricata-eve","sequence":42,"exercise_id":"drill-2026-04"}}
 * }</pre>
 *
 * {@code unit_id} and {@code exercise_id} appear only when set. Reading accepts nested objects and
 * dotted keys alike, requires {@code @timestamp} and every {@code ramparts} field but the two optional
 * ones, checks {@code event_id} against its parts, and refuses anything else with a
 * {@link MalformedEventException}. A written event reads back equal. Thread-safe; create one per
 * {@link TelemetryLimits} and share it.
 */
public final class TelemetryJson {

    /** Longer than any long or double needs; bounds the work a hostile 1 MB number could cause. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final TelemetryLimits limits;
    private final JsonFactory factory;

    public TelemetryJson() {
        this(TelemetryLimits.DEFAULTS);
    }

    public TelemetryJson(TelemetryLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        // Our own checks come first and name the field; Jackson's constraints sit just beyond them as
        // a backstop. Number length is Jackson's alone: it parses a number before we see it.
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentBytes())
                .maxNestingDepth(limits.maxDepth() + 1)
                .maxStringLength(limits.maxDocumentBytes())
                .maxNameLength(limits.maxDocumentBytes())
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }

    public TelemetryLimits limits() {
        return limits;
    }

    public byte[] write(TelemetryEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + event.original().map(String::length).orElse(0));
        write(event, bytes);
        return bytes.toByteArray();
    }

    /** Writes one event and flushes; does not close {@code out}. */
    public void write(TelemetryEvent event, OutputStream out) {
        Objects.requireNonNull(event, "event");
        try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            EventWriter.write(event, generator);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }

    /** @throws MalformedEventException if the bytes are not a valid event document */
    public TelemetryEvent read(byte[] json) {
        return read(json, 0, json.length);
    }

    /** @throws MalformedEventException if the bytes are not a valid event document */
    public TelemetryEvent read(byte[] json, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, json.length);
        if (length > limits.maxDocumentBytes()) {
            throw new MalformedEventException(Reason.TOO_LARGE, null,
                    "the document is " + length + " bytes; the limit is " + limits.maxDocumentBytes());
        }
        return read(() -> factory.createParser(ObjectReadContext.empty(), json, offset, length));
    }

    /**
     * Reads one event document, which must be all that is left in the stream; does not close {@code in}.
     *
     * @throws MalformedEventException if the content is not a valid event document
     * @throws UncheckedIOException    if reading the stream fails
     */
    public TelemetryEvent read(InputStream in) {
        Objects.requireNonNull(in, "in");
        return read(() -> factory.createParser(ObjectReadContext.empty(),
                new BoundedInputStream(in, limits.maxDocumentBytes())));
    }

    private TelemetryEvent read(Supplier<JsonParser> open) {
        try (JsonParser parser = open.get()) {
            try {
                return new EventReader(parser, limits).read();
            } catch (JacksonException e) {
                // translated while the parser is open: its context tells which field it was reading
                throw ReadFailures.of(e, parser);
            }
        } catch (JacksonException e) {
            throw ReadFailures.of(e, null);
        } catch (InvalidEventException e) {
            throw ReadFailures.of(e);
        }
    }
}
