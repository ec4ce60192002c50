package com.ramparts.soc.correlation.rules;

import com.ramparts.detection.compile.CompiledRule;
import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.correlation.CorrelationRule;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.detection.load.Problem;
import com.ramparts.detection.load.RuleLoader;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;
import com.ramparts.soc.correlation.absence.AbsenceRule;
import com.ramparts.soc.correlation.absence.AbsenceRuleParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules directory, loaded: {@code *.yml}/{@code *.yaml} are Sigma rules, {@code *.absence.yml}
 * absence rules. A broken document becomes a {@link Problem} and the others load. {@link #current()}
 * is an atomic snapshot; {@link #reloadIfChanged()} replaces it when a file's size or modification
 * time changed, or a file came or went. Thread-safe.
 */
public final class RuleCatalog {

    private static final Logger log = LoggerFactory.getLogger(RuleCatalog.class);
    private static final String ABSENCE_SUFFIX = ".absence.yml";

    private final Path directory;
    private final RuleLoader loader;
    private final AbsenceRuleParser absenceParser = new AbsenceRuleParser();
    private volatile Rules current = Rules.NONE;
    private List<String> fingerprint = List.of();

    public RuleCatalog(Path directory, RuleLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    public Rules current() {
        return current;
    }

    public Path directory() {
        return directory;
    }

    /** Loads the directory when it differs from the last load; @return whether it did. */
    public synchronized boolean reloadIfChanged() {
        if (fingerprint().equals(fingerprint) && current != Rules.NONE) {
            return false;
        }
        reload();
        return true;
    }

    public synchronized Rules reload() {
        List<String> seen = fingerprint();
        List<Path> sigma = new ArrayList<>();
        List<Path> absence = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add(new Problem(directory.toString(), Position.UNKNOWN, "", Kind.INVALID,
                    "the rules directory does not exist"));
        } else {
            for (Path file : files()) {
                (file.getFileName().toString().endsWith(ABSENCE_SUFFIX) ? absence : sigma).add(file);
            }
        }
        LoadReport report = sigma.isEmpty() ? loader.loadSources(List.of()) : loader.load(sigma);
        problems.addAll(report.problems());
        List<AbsenceRule> absences = new ArrayList<>();
        for (Path file : absence) {
            readAbsence(file, report, absences, problems);
        }
        Rules rules = new Rules(current.generation() + 1, quietFeeders(report, absences), report.correlations(), absences,
                problems, Instant.now());
        current = rules;
        fingerprint = seen;
        log.info("Loaded rules from {}: {} detection, {} correlation, {} absence; {} problems", directory,
                rules.ruleSet().size(), rules.correlations().size(), absences.size(), problems.size());
        problems.forEach(problem -> log.warn("Rule left out: {}", problem));
        return rules;
    }

    private void readAbsence(Path file, LoadReport report, List<AbsenceRule> absences, List<Problem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file.toString(), Position.UNKNOWN, "", Kind.INVALID, "cannot read the file: " + e.getMessage()));
            return;
        }
        AbsenceRuleParser.Parsed parsed = absenceParser.parse(file.toString(), text);
        problems.addAll(parsed.problems());
        Map<String, String> idByName = new HashMap<>();
        for (CompiledRule rule : report.ruleSet().rules()) {
            idByName.put(rule.info().id(), rule.info().id());
            rule.info().name().ifPresent(name -> idByName.put(name, rule.info().id()));
        }
        for (AbsenceRule rule : parsed.rules()) {
            if (rule.expect() instanceof AbsenceRule.Matches matches) {
                List<String> ids = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                for (String reference : matches.ruleIds()) {
                    String id = idByName.get(reference);
                    (id == null ? missing : ids).add(id == null ? reference : id);
                }
                if (!missing.isEmpty()) {
                    problems.add(new Problem(file.toString(), Position.UNKNOWN, rule.info().title(), Kind.INVALID,
                            "the absence rule refers to " + missing + ", which are not loaded detection rules"));
                    continue;
                }
                rule = rule.withExpectation(new AbsenceRule.Matches(ids));
            }
            absences.add(rule);
        }
    }

    /**
     * As Sigma does for rules a correlation refers to: a detection rule that only tells an absence
     * rule "still alive" (a heartbeat) raises no alert of its own, unless a correlation generates it.
     */
    private static RuleSet quietFeeders(LoadReport report, List<AbsenceRule> absences) {
        Set<String> feeders = new HashSet<>();
        absences.forEach(rule -> {
            if (rule.expect() instanceof AbsenceRule.Matches matches) {
                feeders.addAll(matches.ruleIds());
            }
        });
        report.correlations().stream().filter(CorrelationRule::generate).forEach(c -> feeders.removeAll(c.rules()));
        if (feeders.isEmpty()) {
            return report.ruleSet();
        }
        return RuleSet.of(report.ruleSet().rules().stream()
                .map(rule -> feeders.contains(rule.info().id()) ? rule.withAlerting(false) : rule).toList());
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(RuleLoader::isRuleFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot list the rules directory {}: {}", directory, e.toString());
            return List.of();
        }
    }

    /** Path, size and modification time of every rule file: cheap enough to take every few seconds. */
    private List<String> fingerprint() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (Path file : files()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                entries.add(file + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                entries.add(file + "|unreadable");
            }
        }
        return entries;
    }
}
