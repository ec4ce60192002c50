package com.ramparts.telemetry.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Properties checked over a few hundred generated events; the seeds are fixed so a failure reproduces. */
class RandomRoundTripTest {

    private static final int EVENTS = 500;
    private static final String STRUCTURAL = "{}[]\":,\\0-e.tn ";

    private final TelemetryJson codec = new TelemetryJson();

    @Test
    void randomEventsRoundTripExactly() {
        RandomEvents events = new RandomEvents(20260301L);
        for (int i = 0; i < EVENTS; i++) {
            TelemetryEvent event = events.next();
            byte[] written = codec.write(event);
            TelemetryEvent back = codec.read(written);
            assertThat(back).as("event %d: %s", i, Docs.text(written)).isEqualTo(event);
            assertThat(codec.write(back)).as("event %d written again", i).isEqualTo(written);
        }
    }

    @Test
    void randomEventsReadTheSameFromDottedKeys() {
        RandomEvents events = new RandomEvents(77L);
        for (int i = 0; i < EVENTS; i++) {
            TelemetryEvent event = events.next();
            byte[] dotted = writeDotted(event);
            assertThat(codec.read(dotted)).as("event %d: %s", i, Docs.text(dotted)).isEqualTo(event);
        }
    }

    @Test
    void mutatedDocumentsAreReadOrRefusedButNeverCrashTheReader() {
        RandomEvents events = new RandomEvents(4242L);
        Random random = new Random(4243L);
        int refused = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] mutant = mutate(codec.write(events.next()), random);
            try {
                codec.read(mutant);
            } catch (MalformedEventException expected) {
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant %d (%s) failed with %s", i, Docs.text(mutant), e);
            }
        }
        assertThat(refused).isGreaterThan(1_000);
    }

    @Test
    void generatedEventsAreWithinTheDefaultLimits() {
        RandomEvents events = new RandomEvents(1L);
        assertThatCode(() -> {
            for (int i = 0; i < EVENTS; i++) {
                assertThat(codec.write(events.next()).length).isLessThan(TelemetryLimits.DEFAULTS.maxDocumentBytes());
            }
        }).doesNotThrowAnyException();
    }

    private static byte[] mutate(byte[] document, Random random) {
        byte[] bytes = document;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(5)) {
                case 0 -> flip(bytes, at, (byte) random.nextInt(256));
                case 1 -> flip(bytes, at, (byte) STRUCTURAL.charAt(random.nextInt(STRUCTURAL.length())));
                case 2 -> Arrays.copyOf(bytes, at);
                case 3 -> splice(bytes, at, Arrays.copyOfRange(bytes, random.nextInt(bytes.length), bytes.length));
                default -> splice(bytes, at, new byte[0]);
            };
            if (bytes.length == 0) {
                break;
            }
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, byte value) {
        byte[] copy = bytes.clone();
        copy[at] = value;
        return copy;
    }

    /** Replaces the byte at {@code at} with {@code insert}. */
    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(insert);
        out.write(bytes, at + 1, bytes.length - at - 1);
        return out.toByteArray();
    }

    /** The same event with every key dotted at the root, as a flattening producer would write it. */
    private static byte[] writeDotted(TelemetryEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty(Ecs.RAMPARTS_EVENT_ID, event.id().toString());
            json.writeStringProperty(Ecs.RAMPARTS_SITE_ID, event.origin().siteId());
            event.origin().unitId().ifPresent(unit -> json.writeStringProperty(Ecs.RAMPARTS_UNIT_ID, unit));
            json.writeStringProperty(Ecs.RAMPARTS_AGENT_ID, event.origin().agentId());
            json.writeStringProperty(Ecs.RAMPARTS_INPUT_ID, event.origin().inputId());
            json.writeNumberProperty(Ecs.RAMPARTS_SEQUENCE, event.origin().sequence());
            event.origin().exerciseId().ifPresent(exercise -> json.writeStringProperty(Ecs.RAMPARTS_EXERCISE_ID, exercise));
            event.original().ifPresent(original -> json.writeStringProperty(Ecs.EVENT_ORIGINAL, original));
            event.fields().forEach((name, value) -> {
                json.writeName(name);
                switch (value) {
                    case StringValue s -> json.writeString(s.value());
                    case LongValue l -> json.writeNumber(l.value());
                    case DoubleValue d -> json.writeNumber(d.value());
                    case BooleanValue b -> json.writeBoolean(b.value());
                    case StringList list -> {
                        json.writeStartArray();
                        list.values().forEach(json::writeString);
                        json.writeEndArray();
                    }
                }
            });
            json.writeStringProperty(Ecs.TIMESTAMP, event.timestamp().toString());
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
