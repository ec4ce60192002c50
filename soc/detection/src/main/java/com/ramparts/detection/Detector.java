package com.ramparts.detection;

import com.ramparts.detection.compile.Match;
import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.correlation.Alert;
import com.ramparts.detection.correlation.Correlator;
import com.ramparts.detection.correlation.CorrelatorOptions;
import com.ramparts.detection.correlation.StateStore;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules and correlations together: events in, alerts out. One instance per stream partition
 * (the correlator's state is not shared); the rule set itself is immutable and can be shared.
 */
public final class Detector {

    private final RuleSet ruleSet;
    private final Correlator correlator;

    public Detector(RuleSet ruleSet, Correlator correlator) {
        this.ruleSet = ruleSet;
        this.correlator = correlator;
    }

    public static Detector of(LoadReport report) {
        return new Detector(report.ruleSet(), new Correlator(report.correlations(), StateStore.inMemory(),
                CorrelatorOptions.DEFAULT));
    }

    /** Alerts for the detection rules the event matches (unless they only feed correlations) and for correlations. */
    public List<Alert> process(TelemetryEvent event) {
        List<Match> matches = ruleSet.match(event);
        List<Alert> alerts = new ArrayList<>();
        for (Match match : matches) {
            if (match.alerting()) {
                alerts.add(new Alert(match.ruleId(), match.title(), match.version(), match.level(), match.techniques(),
                        match.tags(), Optional.empty(), Map.of(), List.of(event.id().toString()), 1, event.timestamp(),
                        event.timestamp(), 1));
            }
        }
        alerts.addAll(correlator.onEvent(event, matches));
        return alerts;
    }

    /** Wall-clock punctuation: closes correlation windows that end before {@code time}. */
    public List<Alert> advanceTo(Instant time) {
        return correlator.advanceTo(time);
    }

    public Correlator correlator() {
        return correlator;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }
}
