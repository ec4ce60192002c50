package com.ramparts.detection.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken rule becomes one precise problem (file, line, column, reason); the others still load. */
class LoadProblemsTest {

    private static final String GOOD = """
            title: Good rule
            id: good
            logsource: {category: firewall}
            detection:
              sel: {dst_port: 22}
              condition: sel
            """;

    private static Problem onlyProblem(String yaml) {
        LoadReport report = Sigma.load(yaml);
        assertThat(report.problems()).hasSize(1);
        return report.problems().getFirst();
    }

    @Test
    void anUnsupportedModifierIsNamedWithTheKeyPosition() {
        Problem problem = onlyProblem("""
                title: Bad modifier
                logsource: {category: firewall}
                detection:
                  sel:
                    CommandLine|containz: evil
                  condition: sel
                """);
        assertThat(problem.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(problem.position()).isEqualTo(new Position(5, 5));
        assertThat(problem.message()).isEqualTo("field 'CommandLine': unsupported modifier 'containz'");
        assertThat(problem.rule()).isEqualTo("Bad modifier");
        assertThat(problem.toString()).isEqualTo("test.yml:5:5: [Bad modifier] field 'CommandLine': unsupported"
                + " modifier 'containz'");
    }

    @Test
    void aLogSourceWeNeverIngestIsReportedAsSuch() {
        Problem problem = onlyProblem("""
                title: Windows process
                logsource:
                  product: windows
                  category: process_creation
                detection:
                  sel: {Image|endswith: '\\\\cmd.exe'}
                  condition: sel
                """);
        assertThat(problem.kind()).isEqualTo(Kind.NOT_INGESTED);
        assertThat(problem.message()).startsWith("logsource windows/process_creation is not ingested by Ramparts");
        assertThat(problem.position()).isEqualTo(new Position(3, 3));
    }

    @Test
    void anUnknownSearchIdentifierPointsIntoTheCondition() {
        Problem problem = onlyProblem("""
                title: Typo
                logsource: {category: firewall}
                detection:
                  selection: {dst_port: 22}
                  condition: selection and not filtr
                """);
        assertThat(problem.message()).isEqualTo("condition: unknown search identifier 'filtr' (defined: [selection])");
        assertThat(problem.position()).isEqualTo(new Position(5, 32));
    }

    @Test
    void aConditionSyntaxErrorPointsAtTheToken() {
        Problem problem = onlyProblem("""
                title: Unbalanced
                logsource: {category: firewall}
                detection:
                  a: {dst_port: 22}
                  condition: (a or a
                """);
        assertThat(problem.message()).startsWith("condition: the condition ends where ')'");
        assertThat(onlyProblem("""
                title: Old aggregation
                logsource: {category: firewall}
                detection:
                  a: {dst_port: 22}
                  condition: a | count() by src_ip > 10
                """).message()).contains("correlation rule");
        assertThat(onlyProblem("""
                title: Two of
                logsource: {category: firewall}
                detection:
                  a: {dst_port: 22}
                  condition: 2 of a*
                """).position()).isEqualTo(new Position(5, 14));
    }

    @Test
    void anUnknownFieldIsReported() {
        Problem problem = onlyProblem("""
                title: Unknown field
                logsource: {category: firewall}
                detection:
                  sel:
                    TotallyMadeUp: 1
                  condition: sel
                """);
        assertThat(problem.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(problem.message()).contains("'TotallyMadeUp' is not in the Sigma-to-ECS mapping");
    }

    @Test
    void aBadRegexIsReportedAtTheValue() {
        Problem problem = onlyProblem("""
                title: Bad regex
                logsource: {category: firewall}
                detection:
                  sel:
                    CommandLine|re: 'a(b'
                  condition: sel
                """);
        assertThat(problem.message()).startsWith("bad regular expression the string 'a(b': Unclosed group");
        assertThat(problem.position()).isEqualTo(new Position(5, 21));
    }

    @Test
    void wrongTypesAndMissingPartsAreNamed() {
        assertThat(onlyProblem("title: x\nlogsource: {category: firewall}\ndetection: [a, b]\n").message())
                .isEqualTo("'detection' must be a map, not a list");
        assertThat(onlyProblem("title: x\nlogsource: {category: firewall}\ndetection:\n  sel: {a: 1}\n").message())
                .isEqualTo("'detection' has no 'condition'");
        assertThat(onlyProblem("logsource: {category: firewall}\ndetection:\n  sel: {a: 1}\n  condition: sel\n")
                .message()).isEqualTo("the rule has no 'title'");
        assertThat(onlyProblem("title: x\nlevel: severe\nlogsource: {category: firewall}\ndetection:\n  s: {a: 1}\n"
                + "  condition: s\n").message()).startsWith("unknown level 'severe'");
        assertThat(onlyProblem("title: x\nlogsource: {category: firewall}\ndetection:\n  s:\n    dst_port: {a: 1}\n"
                + "  condition: s\n").message()).isEqualTo("'dst_port' must have a value or a list of values, not a map");
        assertThat(onlyProblem("- just\n- a list\n").message()).isEqualTo("a rule document must be a map, not a list");
        assertThat(onlyProblem("title: x\nlogsource: {category: firewall}\ndetection:\n  s:\n    dst_port|lt: abc\n"
                + "  condition: s\n").message()).isEqualTo("field 'dst_port': modifier 'lt' needs a number, not the"
                + " string 'abc'");
    }

    @Test
    void anUnresolvedPlaceholderIsAPreciseError() {
        Problem problem = onlyProblem("""
                title: Placeholder
                logsource: {category: firewall}
                detection:
                  sel:
                    User|expand: '%DomainAdmins%'
                  condition: sel
                """);
        assertThat(problem.message()).isEqualTo("field 'User': placeholder %DomainAdmins% has no values configured"
                + " (known: [])");
        assertThat(problem.position()).isEqualTo(new Position(5, 5));
    }

    @Test
    void malformedYamlIsReportedWithItsPosition() {
        Problem problem = onlyProblem("title: x\ndetection:\n  sel: [a, b\n  condition: sel\n");
        assertThat(problem.message()).startsWith("invalid YAML:");
        assertThat(problem.position().line()).isBetween(3, 5);
    }

    @Test
    void aBillionLaughsDocumentIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        Problem problem = onlyProblem(bomb.toString());
        assertThat(problem.message()).containsAnyOf("aliases", "more than");
    }

    @Test
    void deepNestingAndHugeFilesAreRefused() {
        assertThat(onlyProblem("a: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n").message())
                .contains("nested more than 64 levels");
        String huge = "title: x\ndescription: '" + "x".repeat(1_100_000) + "'\n";
        assertThat(onlyProblem(huge).message()).contains("at most 1000000 are read");
    }

    @Test
    void aBrokenRuleNeverStopsTheOthers() {
        LoadReport report = Sigma.load(GOOD + "---\ntitle: broken\nlogsource: {category: firewall}\ndetection: 5\n---\n"
                + GOOD.replace("id: good", "id: good2"));
        assertThat(report.ruleSet().size()).isEqualTo(2);
        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().getFirst().position().line()).isEqualTo(10);
    }

    @Test
    void duplicateIdsAreReported() {
        LoadReport report = Sigma.load(GOOD + "---\n" + GOOD);
        assertThat(report.ruleSet().size()).isEqualTo(1);
        assertThat(report.problems()).singleElement().extracting(Problem::message).asString()
                .contains("id 'good' is already used");
    }

    @Test
    void filesAndDirectoriesLoadRecursivelyAndUnreadableFilesAreProblems(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("fw"));
        Files.writeString(dir.resolve("fw/good.yml"), GOOD);
        Files.write(dir.resolve("fw/latin1.yml"), new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xE9});
        Files.writeString(dir.resolve("fw/notes.txt"), "ignored");
        Files.writeString(dir.resolve("bad.yaml"), "title: [", StandardCharsets.UTF_8);
        LoadReport report = RuleLoader.withDefaults().load(List.of(dir, dir.resolve("missing.yml")));
        assertThat(report.ruleSet().size()).isEqualTo(1);
        assertThat(report.problems()).extracting(p -> Path.of(p.file()).getFileName().toString())
                .containsExactlyInAnyOrder("bad.yaml", "latin1.yml", "missing.yml");
    }
}
