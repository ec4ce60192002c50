package com.ramparts.detection.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.load.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's rule library ({@code rules/}): the build fails if a rule does not load, breaks a
 * convention, lacks tests or fails them.
 */
class RulesLibraryTest {

    private static final Path LIBRARY = Path.of("../../rules");

    @Test
    void everyRuleLoadsAndFollowsTheConventions() {
        List<Problem> problems = RulesCli.lint(List.of(LIBRARY));
        assertThat(problems).extracting(Problem::toString).isEmpty();
        assertThat(RuleLibrary.ruleFiles(List.of(LIBRARY))).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void everyRulePassesItsTests() {
        List<CaseResult> results = RuleTestRunner.run(RuleLibrary.ruleFiles(List.of(LIBRARY)));
        assertThat(results.stream().filter(r -> !r.passed()).map(CaseResult::toString)).isEmpty();
        assertThat(results).hasSizeGreaterThanOrEqualTo(2 * RuleLibrary.ruleFiles(List.of(LIBRARY)).size());
    }

    @Test
    void theCoverageReportInDocsIsUpToDate() throws Exception {
        String generated = Coverage.markdown(Coverage.entries(LIBRARY, RuleLibrary.ruleFiles(List.of(LIBRARY))));
        assertThat(Files.readString(Path.of("../../docs/rules-coverage.md")))
                .as("docs/rules-coverage.md is stale: regenerate it with `rules coverage rules`")
                .isEqualTo(generated);
    }
}
