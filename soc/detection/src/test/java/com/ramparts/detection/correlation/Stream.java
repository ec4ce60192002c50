package com.ramparts.detection.correlation;

import com.ramparts.detection.Detector;
import com.ramparts.detection.Sigma;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Drives a Detector with events at offsets from {@link Sigma#T0} and collects correlation alerts. */
final class Stream {

    final Detector detector;
    final List<Alert> alerts = new ArrayList<>();

    Stream(String yaml) {
        LoadReport report = Sigma.load(yaml);
        if (!report.problems().isEmpty()) {
            throw new AssertionError(report.problems());
        }
        detector = Detector.of(report);
    }

    TelemetryEvent at(Duration offset, String dataset, Object... fields) {
        TelemetryEvent event = Sigma.event(dataset, Sigma.T0.plus(offset), fields);
        for (Alert alert : detector.process(event)) {
            alerts.add(alert);
        }
        return event;
    }

    List<Alert> correlations() {
        return alerts.stream().filter(a -> a.correlation().isPresent()).toList();
    }

    List<Alert> detections() {
        return alerts.stream().filter(a -> a.correlation().isEmpty()).toList();
    }
}
