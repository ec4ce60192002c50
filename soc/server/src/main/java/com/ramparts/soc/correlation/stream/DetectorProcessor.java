package com.ramparts.soc.correlation.stream;

import com.ramparts.detection.compile.Match;
import com.ramparts.detection.correlation.Alert;
import com.ramparts.detection.correlation.CorrelationRule;
import com.ramparts.detection.correlation.Correlator;
import com.ramparts.detection.correlation.CorrelatorOptions;
import com.ramparts.detection.correlation.GroupKey;
import com.ramparts.detection.correlation.GroupState;
import com.ramparts.detection.ioc.IndicatorHit;
import com.ramparts.detection.ioc.IndicatorSet;
import com.ramparts.soc.correlation.CorrelationMetrics;
import com.ramparts.soc.correlation.SiteDirectory;
import com.ramparts.soc.correlation.absence.AbsenceState;
import com.ramparts.soc.correlation.absence.AbsenceTracker;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.alert.AlertMessages;
import com.ramparts.soc.correlation.alert.AlertMessages.Place;
import com.ramparts.soc.correlation.rules.Rules;
import com.ramparts.soc.site.Site;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.MalformedEventException;
import com.ramparts.telemetry.json.TelemetryJson;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One stream task's detector: decodes each event, runs the detection rules, the correlator and the
 * absence rules over it, matches it against the IOC lists, and forwards alerts (key: site id, or empty; value: alert JSON). Its state
 * lives only in the task's changelogged stores, so another instance that takes the task over
 * continues where this one stopped. Picks up a new rule load at its next record or punctuation:
 * correlation groups of rules whose definition is unchanged survive; the others are dropped.
 */
final class DetectorProcessor implements Processor<byte[], byte[], String, byte[]> {

    private final Supplier<Rules> rulesSource;
    private final Supplier<IndicatorSet> indicators;
    private final SiteDirectory sites;
    private final CorrelationMetrics metrics;
    private final Clock clock;
    private final Duration punctuationInterval;
    private final CorrelatorOptions options;
    private final int partitions;
    private final TelemetryJson json = new TelemetryJson();

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<GroupKey, GroupState> groups;
    private KeyValueStore<String, String> fingerprints;
    private AbsenceTracker absence;
    private Rules rules;
    private Correlator correlator;
    private Map<String, String> siteFields = Map.of();

    DetectorProcessor(Supplier<Rules> rulesSource, Supplier<IndicatorSet> indicators, SiteDirectory sites,
            CorrelationMetrics metrics, Clock clock, Duration punctuationInterval, CorrelatorOptions options, int partitions) {
        this.rulesSource = rulesSource;
        this.indicators = indicators;
        this.sites = sites;
        this.metrics = metrics;
        this.clock = clock;
        this.punctuationInterval = punctuationInterval;
        this.options = options;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.groups = context.getStateStore(CorrelationTopology.GROUP_STORE);
        this.fingerprints = context.getStateStore(CorrelationTopology.FINGERPRINT_STORE);
        KeyValueStore<String, AbsenceState> absenceStore = context.getStateStore(CorrelationTopology.ABSENCE_STORE);
        int partition = context.taskId().partition();
        this.absence = new AbsenceTracker(absenceStore, sites, siteId -> partitionOf(siteId) == partition,
                options.allowedLateness());
        useCurrentRules();
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> punctuate());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        useCurrentRules();
        TelemetryEvent event;
        try {
            event = json.read(record.value() == null ? new byte[0] : record.value());
        } catch (MalformedEventException e) {
            metrics.undecodable(); // the indexer dead-letters it, with the reason
            return;
        }
        metrics.processed();
        Instant now = clock.instant();
        List<Match> matches = rules.ruleSet().match(event);
        String eventId = event.id().toString();
        for (Match match : matches) {
            if (match.alerting()) {
                emit(AlertMessages.detection(match, eventId, event.timestamp(), placeOf(event), now), record.timestamp());
            }
        }
        for (IndicatorHit hit : indicators.get().match(event)) {
            emit(AlertMessages.indicator(hit, eventId, event.timestamp(), placeOf(event), now), record.timestamp());
        }
        for (Alert alert : correlator.onEvent(event, matches)) {
            emit(AlertMessages.correlation(alert, placeOf(alert, event), now), record.timestamp());
        }
        absence.onEvent(rules.absences(), event, matches, now);
    }

    private void punctuate() {
        useCurrentRules();
        Instant now = clock.instant();
        for (Alert alert : correlator.advanceTo(now.minus(options.allowedLateness()))) {
            emit(AlertMessages.correlation(alert, placeOf(alert, null), now), now.toEpochMilli());
        }
        for (AlertMessage alert : absence.evaluate(rules.absences(), now)) {
            emit(alert, now.toEpochMilli());
        }
    }

    private void emit(AlertMessage alert, long timestamp) {
        metrics.alert(alert.kind());
        context.forward(new Record<>(alert.siteId(), AlertMessages.json(alert), timestamp));
    }

    private void useCurrentRules() {
        Rules latest = rulesSource.get();
        if (latest == rules) {
            return;
        }
        dropStateOfChangedRules(latest.correlations());
        correlator = new Correlator(latest.correlations(), new StreamsStateStore(groups), options);
        Map<String, String> fields = new HashMap<>();
        for (CorrelationRule rule : latest.correlations()) {
            siteField(rule).ifPresent(name -> fields.put(rule.info().id(), name));
        }
        siteFields = fields;
        rules = latest;
    }

    private void dropStateOfChangedRules(List<CorrelationRule> correlations) {
        Set<String> changed = new HashSet<>();
        Set<String> current = new HashSet<>();
        for (CorrelationRule rule : correlations) {
            String id = rule.info().id();
            String fingerprint = RuleFingerprints.of(rule);
            String previous = fingerprints.get(id);
            current.add(id);
            if (previous != null && !previous.equals(fingerprint)) {
                changed.add(id);
            }
            if (!fingerprint.equals(previous)) {
                fingerprints.put(id, fingerprint);
            }
        }
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, String> all = fingerprints.all()) {
            all.forEachRemaining(entry -> {
                if (!current.contains(entry.key)) {
                    gone.add(entry.key);
                }
            });
        }
        gone.forEach(fingerprints::delete); // their groups: the correlator drops groups of unknown rules
        if (!changed.isEmpty()) {
            List<GroupKey> stale = new ArrayList<>();
            try (KeyValueIterator<GroupKey, GroupState> all = groups.all()) {
                all.forEachRemaining((KeyValue<GroupKey, GroupState> entry) -> {
                    if (changed.contains(entry.key.correlationId())) {
                        stale.add(entry.key);
                    }
                });
            }
            stale.forEach(groups::delete);
        }
    }

    /** The group-by name that is the site id for every rule the correlation refers to, if one is. */
    private static java.util.Optional<String> siteField(CorrelationRule rule) {
        for (int i = 0; i < rule.groupBy().size(); i++) {
            int index = i;
            boolean site = !rule.groupFields().isEmpty() && rule.groupFields().values().stream()
                    .allMatch(fields -> fields.size() > index && fields.get(index).equals(Ecs.RAMPARTS_SITE_ID));
            if (site) {
                return java.util.Optional.of(rule.groupBy().get(i));
            }
        }
        return java.util.Optional.empty();
    }

    private Place placeOf(TelemetryEvent event) {
        String siteId = event.origin().siteId();
        String unit = sites.find(siteId).map(Site::unitId).orElse(event.origin().unitId().orElse(null));
        return new Place(siteId, unit, event.origin().exerciseId().orElse(null));
    }

    /** A correlation's site: from its group key when grouped by site, else the event that completed it, if any. */
    private Place placeOf(Alert alert, TelemetryEvent event) {
        String field = siteFields.get(alert.ruleId());
        String siteId = field == null ? null : alert.groupKey().get(field);
        if (event != null && alert.eventIds().contains(event.id().toString())
                && (siteId == null || siteId.equals(event.origin().siteId()))) {
            return placeOf(event);
        }
        if (siteId == null) {
            return Place.UNKNOWN;
        }
        return new Place(siteId, sites.find(siteId).map(Site::unitId).orElse(null), null);
    }

    /** The partition the producer's default partitioner puts a site's events in (the key is the site id). */
    private int partitionOf(String siteId) {
        return Utils.toPositive(Utils.murmur2(siteId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
