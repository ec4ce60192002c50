package com.ramparts.soc.correlation.stream;

import com.ramparts.detection.correlation.CorrelatorOptions;
import com.ramparts.detection.ioc.IndicatorSet;
import com.ramparts.soc.correlation.CorrelationMetrics;
import com.ramparts.soc.correlation.SiteDirectory;
import com.ramparts.soc.correlation.absence.AbsenceState;
import com.ramparts.soc.correlation.rules.Rules;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * <pre>
 * telemetry.events (key site id, value TelemetryJson)
 *   -> detector (one per partition; stores: correlation-groups, correlation-rule-fingerprints, absence-last-seen)
 *   -> soc.alerts (key site id or null, value alert JSON)
 * </pre>
 * The stores are persistent (RocksDB) and changelogged, so a task's state moves with the task.
 */
public final class CorrelationTopology {

    public static final String GROUP_STORE = "correlation-groups";
    public static final String FINGERPRINT_STORE = "correlation-rule-fingerprints";
    public static final String ABSENCE_STORE = "absence-last-seen";

    private CorrelationTopology() {
    }

    /** @param partitions how many partitions {@code eventsTopic} has (absence rules find a site's partition with it) */
    public static Topology build(String eventsTopic, String alertsTopic, int partitions, Supplier<Rules> rules,
            SiteDirectory sites, CorrelationMetrics metrics, Clock clock, Duration punctuationInterval,
            CorrelatorOptions options) {
        return build(eventsTopic, alertsTopic, partitions, rules, () -> IndicatorSet.EMPTY, sites, metrics, clock,
                punctuationInterval, options);
    }

    /** @param indicators the current IOC lists, asked once per event (a reload swaps them in) */
    public static Topology build(String eventsTopic, String alertsTopic, int partitions, Supplier<Rules> rules,
            Supplier<IndicatorSet> indicators, SiteDirectory sites, CorrelationMetrics metrics, Clock clock,
            Duration punctuationInterval, CorrelatorOptions options) {
        Topology topology = new Topology();
        topology.addSource("telemetry", new ByteArrayDeserializer(), new ByteArrayDeserializer(), eventsTopic);
        topology.addProcessor("detector", () -> new DetectorProcessor(rules, indicators, sites, metrics, clock, punctuationInterval,
                options, partitions), "telemetry");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUP_STORE),
                GroupCodec.keySerde(), GroupCodec.stateSerde()), "detector");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FINGERPRINT_STORE),
                Serdes.String(), Serdes.String()), "detector");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ABSENCE_STORE),
                Serdes.String(), AbsenceState.serde()), "detector");
        topology.addSink("alerts", alertsTopic, new StringSerializer(), new ByteArraySerializer(), "detector");
        return topology;
    }
}
