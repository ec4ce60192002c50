package com.ramparts.detection.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import com.ramparts.detection.compile.CompiledRule;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing with a fixed seed: thousands of mutations of real rule files. Every outcome must
 * be compiled rules or problems, never another exception; compiled mutants must also run.
 */
class LoaderFuzzTest {

    private static final int MUTANTS = 4_000;
    private static final String[] FRAGMENTS = {"*", "&a ", "*a", "!!binary ", "|", ">", "{", "}", "[", "]", ":", "- ",
            "'", "\"", "%", "\\", "\t", "\n", "\n  ", "---\n", "|re", "|cidr", "|base64offset", "|all", "|windash",
            "|expand", "|fieldref", "|exists", "|gt", "|hour", " and ", " or not ", "1 of ", "all of them", "(", ")",
            "null", "true", "0x1F", "1e309", "-", "?", "\u0000", "\uFEFF", "é", "\uD800"};

    @Test
    void mutatedRuleFilesYieldRulesOrProblemsOnly() throws Exception {
        List<String> seeds = seeds();
        Random random = new Random(20260302L);
        List<TelemetryEvent> events = events();
        int compiled = 0;
        int problems = 0;
        for (int i = 0; i < MUTANTS; i++) {
            String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            LoadReport report;
            try {
                report = RuleCorpusTest.LOADER.loadString("mutant-" + i + ".yml", mutant);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("mutant " + i + " crashed the loader:\n" + mutant, e);
            }
            for (Problem problem : report.problems()) {
                assertThat(problem.message()).as("mutant %d", i).isNotBlank();
                assertThat(problem.position()).isNotNull();
            }
            for (CompiledRule rule : report.ruleSet().rules()) {
                for (TelemetryEvent event : events) {
                    rule.matches(event);
                }
            }
            compiled += report.ruleSet().size();
            problems += report.problems().size();
        }
        // the mutations must exercise both outcomes, not only one
        assertThat(compiled).isGreaterThan(MUTANTS / 4);
        assertThat(problems).isGreaterThan(MUTANTS / 4);
    }

    private static List<String> seeds() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String dir : new String[] {"/corpus", "/sigmahq"}) {
            try (Stream<Path> walk = Files.walk(Path.of(LoaderFuzzTest.class.getResource(dir).toURI()))) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    seeds.add(Files.readString(file));
                }
            }
        }
        return seeds;
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int operations = 1 + random.nextInt(4);
        for (int op = 0; op < operations && !text.isEmpty(); op++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(20)));
                case 2 -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 3 -> text.setLength(at);
                case 4 -> {
                    int end = Math.min(text.length(), at + random.nextInt(200));
                    text.insert(at, text.substring(at, end));
                }
                case 5 -> {
                    int line = text.indexOf("\n", at);
                    if (line >= 0) {
                        text.insert(line + 1, " ".repeat(random.nextInt(6)));
                    }
                }
                default -> {
                    int colon = text.indexOf(": ", at);
                    if (colon >= 0) {
                        text.insert(colon + 2, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                    }
                }
            }
        }
        return text.toString();
    }

    private static List<TelemetryEvent> events() {
        return List.of(
                Sigma.event("iptables.log", Instant.EPOCH, "destination.port", 22, "source.ip", "10.0.0.1",
                        "destination.ip", "10.0.0.1", "event.action", "deny", "event.original", "DROP x"),
                Sigma.event("suricata.eve", Instant.EPOCH, "url.original", "/a/../b?x=union select", "user.name", "x",
                        "tls.server.x509.not_after", "2020-01-01T00:00:00Z", "event.kind", "alert"),
                Sigma.event("clamav.clamd", Instant.EPOCH, "rule.name", "Win.Ransomware.X", "related.ip",
                        List.of("fd00::1", "8.8.8.8")));
    }
}
