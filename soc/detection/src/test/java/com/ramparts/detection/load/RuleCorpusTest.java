package com.ramparts.detection.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.modifier.Placeholders;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus in src/test/resources/corpus: rules for every source that use every construct load
 * without a problem; each file in broken/ yields the problem its first line announces
 * ({@code # expect: KIND line:column message}).
 */
class RuleCorpusTest {

    static final RuleLoader LOADER = RuleLoader.builder()
            .placeholders(new Placeholders(Map.of("TestOperators", List.of("test-operator", "qa-*")))).build();

    static Path corpus() throws Exception {
        return Path.of(RuleCorpusTest.class.getResource("/corpus").toURI());
    }

    @Test
    void theGoodCorpusLoadsCompletely() throws Exception {
        Path root = corpus();
        List<Path> dirs = List.of("firewall", "suricata", "antivirus", "backup", "pki").stream().map(root::resolve).toList();
        LoadReport report = LOADER.load(dirs);
        assertThat(report.problems()).isEmpty();
        assertThat(report.ruleSet().size()).isEqualTo(20);
        assertThat(report.correlations()).hasSize(10);
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenFileGivesItsAnnouncedProblem() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus().resolve("broken"))) {
            files = list.sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String first = Files.readAllLines(file).getFirst();
            assertThat(first).startsWith("# expect: ");
            String[] parts = first.substring("# expect: ".length()).split(" ", 3);
            Kind kind = Kind.valueOf(parts[0]);
            String[] lineColumn = parts[1].split(":");
            Position position = new Position(Integer.parseInt(lineColumn[0]), Integer.parseInt(lineColumn[1]));
            String message = parts[2].strip();
            LoadReport report = LOADER.load(List.of(file));
            assertThat(report.problems()).isNotEmpty();
            Problem problem = report.problems().getFirst();
            assertThat(problem.message()).contains(message);
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.position()).isEqualTo(position);
            assertThat(problem.file()).isEqualTo(file.toString());
        }));
    }
}
