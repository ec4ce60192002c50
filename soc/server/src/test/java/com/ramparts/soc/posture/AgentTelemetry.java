package com.ramparts.soc.posture;

import com.ramparts.agent.health.Heartbeat;
import com.ramparts.agent.health.HostFacts;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.ParserSettings;
import com.ramparts.agent.parse.Parsers;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.agent.parse.Records;
import com.ramparts.agent.pipeline.EventStamper;
import com.ramparts.agent.ship.ShipperStats;
import com.ramparts.agent.spool.SpoolStats;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Telemetry exactly as a site's agent makes it: the agent's own parsers over the agent's real fixtures
 * ({@code agents/agent/src/test/resources/fixtures}), its heartbeat, stamped by its {@link EventStamper}, and sent
 * keyed by site id as its shipper does. Nothing here writes event JSON by hand.
 */
final class AgentTelemetry implements AutoCloseable {

    static final Path FIXTURES = Path.of("../../agents/agent/src/test/resources/fixtures");
    static final TelemetryJson JSON = new TelemetryJson();

    private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    /** One site's agent. */
    record Agent(String siteId, String unitId, String agentId) {
    }

    /** Every event the agent's parser for {@code format} makes of a fixture file, read at {@code receivedAt}. */
    static List<TelemetryEvent> parse(Agent agent, String format, String fixture, Instant receivedAt) {
        String text;
        try {
            text = Files.readString(FIXTURES.resolve(fixture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Parsers.Format parsers = Parsers.format(format);
        RecordParser parser = parsers.create(ParserSettings.DEFAULTS);
        EventStamper stamper = new EventStamper(agent.agentId(), agent.siteId(), Optional.ofNullable(agent.unitId()), format, format,
                JSON, 1 << 20);
        List<TelemetryEvent> events = new ArrayList<>();
        for (Records.Numbered record : Records.split(text, parsers.framing(), 262_144)) {
            RawRecord raw = new RawRecord(record.text(), receivedAt, fixture, record.truncated());
            List<TelemetryEvent.Builder> drafts = new ArrayList<>();
            try {
                parser.parse(raw, drafts::add);
            } catch (ParseException e) {
                continue; // the agent ships these as pipeline_error events; they say nothing about posture
            }
            for (int i = 0; i < drafts.size(); i++) {
                events.add(JSON.read(stamper.stamp(drafts.get(i), record.line() * 1000 + i, raw)));
            }
        }
        if (events.isEmpty()) {
            throw new IllegalStateException(fixture + " gave no events with " + format);
        }
        return events;
    }

    /** The agent's heartbeat at {@code at}, as its heartbeat input makes it. */
    static TelemetryEvent heartbeat(Agent agent, Instant at) {
        Heartbeat heartbeat = new Heartbeat("heartbeat", agent.agentId(), "test", Duration.ofMinutes(1), List.of(),
                () -> new SpoolStats(0, 0, 1, 0, 0, 0, 0), () -> new ShipperStats(0, 0, null, null, 0), HostFacts.current());
        InputRecord.Ready beat = (InputRecord.Ready) heartbeat.beat(at).getFirst();
        EventStamper stamper = new EventStamper(agent.agentId(), agent.siteId(), Optional.ofNullable(agent.unitId()), "heartbeat",
                "heartbeat", JSON, 1 << 20);
        return JSON.read(stamper.stamp(beat.draft(), at.toEpochMilli(), null));
    }

    /** The same event injected by a drill exercise (as the drill runner marks what it injects). */
    static TelemetryEvent inDrill(TelemetryEvent event, String exerciseId) {
        return event.toBuilder().origin(event.origin().withExercise(exerciseId)).build();
    }

    void send(String topic, List<TelemetryEvent> events) {
        try {
            for (TelemetryEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.origin().siteId().getBytes(StandardCharsets.UTF_8), JSON.write(event))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
