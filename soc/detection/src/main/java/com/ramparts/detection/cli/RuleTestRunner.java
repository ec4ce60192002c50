package com.ramparts.detection.cli;

import com.ramparts.detection.Detector;
import com.ramparts.detection.correlation.Alert;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs each rule file's test cases: the file is loaded on its own, each case gets a fresh
 * {@link Detector}, its events go through in the order written, then the clock is advanced past every
 * window so conditions checked at window close are evaluated. A file without correlations counts
 * matching events; a file with correlations counts the correlations' alerts. A file passes only with
 * at least one positive and one negative case.
 */
public final class RuleTestRunner {

    private static final Duration PAST_EVERY_WINDOW = Duration.ofDays(40);

    private RuleTestRunner() {
    }

    public static List<CaseResult> run(List<Path> ruleFiles) {
        List<CaseResult> results = new ArrayList<>();
        for (Path file : ruleFiles) {
            results.addAll(runFile(file));
        }
        return results;
    }

    static List<CaseResult> runFile(Path file) {
        String name = file.toString();
        Path testFile = RuleLibrary.testFile(file);
        if (!Files.isRegularFile(testFile)) {
            return List.of(new CaseResult(name, "tests", false, "no test file " + testFile.getFileName()));
        }
        LoadReport report = RuleLibrary.loadOne(file);
        if (!report.isClean()) {
            return List.of(new CaseResult(name, "load", false, report.problems().getFirst().toString()));
        }
        List<TestCase> cases;
        try {
            cases = TestFileReader.read(testFile.toString(), Files.readString(testFile));
        } catch (IOException | RuntimeException e) {
            return List.of(new CaseResult(testFile.toString(), "read", false, e.getMessage()));
        }
        List<CaseResult> results = new ArrayList<>();
        if (cases.stream().noneMatch(TestCase::positive) || cases.stream().allMatch(TestCase::positive)) {
            results.add(new CaseResult(name, "tests", false, "needs at least one true-positive and one true-negative case"));
        }
        Set<String> correlations = report.correlations().stream().map(r -> r.info().id()).collect(Collectors.toSet());
        for (TestCase testCase : cases) {
            int actual = count(report, correlations, testCase.events());
            boolean passed = testCase.accepts(actual);
            results.add(new CaseResult(name, testCase.name(), passed,
                    passed ? "" : "expected " + testCase.describeExpected() + ", got " + actual));
        }
        return results;
    }

    private static int count(LoadReport report, Set<String> correlations, List<TelemetryEvent> events) {
        if (correlations.isEmpty()) {
            int matched = 0;
            for (TelemetryEvent event : events) {
                matched += report.ruleSet().match(event).isEmpty() ? 0 : 1;
            }
            return matched;
        }
        Detector detector = Detector.of(report);
        List<Alert> alerts = new ArrayList<>();
        Instant last = Instant.EPOCH;
        for (TelemetryEvent event : events) {
            alerts.addAll(detector.process(event));
            last = event.timestamp().isAfter(last) ? event.timestamp() : last;
        }
        alerts.addAll(detector.advanceTo(last.plus(PAST_EVERY_WINDOW)));
        return (int) alerts.stream().filter(a -> correlations.contains(a.ruleId())).count();
    }

}
