package com.ramparts.detection.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules transcribed from the public SigmaHQ corpus (see the header of each file) parse and match our ECS events. */
class PublicSigmaRulesTest {

    private static LoadReport report;
    private static RuleSet rules;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of(PublicSigmaRulesTest.class.getResource("/sigmahq").toURI());
        report = RuleLoader.withDefaults().load(List.of(dir));
        rules = report.ruleSet();
    }

    @Test
    void theyLoadAndTheOneWithANonEcsFieldIsReportedPrecisely() {
        assertThat(rules.size()).isEqualTo(4);
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(problem.rule()).isEqualTo("Cleartext Protocol Usage");
            assertThat(problem.message()).contains("field 'blocked' is not in the Sigma-to-ECS mapping");
            assertThat(problem.position()).isEqualTo(new com.ramparts.detection.yaml.Position(44, 9));
        });
    }

    @Test
    void antivirusRansomwareOnClamavAndDefender() {
        var clamav = Sigma.event("clamav.clamd", Instant.EPOCH, "rule.name", "Win.Ransomware.Lockbit-9951234-0",
                "file.path", "/srv/share/invoice.exe");
        var defender = Sigma.event("windows.defender", Instant.EPOCH, "rule.name", "Ransom:Win32/StopCrypt.PAA!MTB",
                "file.path", "C:\\Users\\a\\x.exe");
        var benign = Sigma.event("clamav.clamd", Instant.EPOCH, "rule.name", "Eicar-Signature", "file.path", "/tmp/e");
        assertThat(Sigma.ids(rules.match(clamav))).containsExactly("4c6ca276-d4d0-4a8c-9e4c-d69832f8671f");
        assertThat(Sigma.ids(rules.match(defender))).containsExactly("4c6ca276-d4d0-4a8c-9e4c-d69832f8671f");
        assertThat(rules.match(benign)).isEmpty();
        assertThat(rules.match(clamav).getFirst().techniques()).containsExactly("T1486");
    }

    @Test
    void antivirusWebShellAndRelevantPaths() {
        var webshell = Sigma.event("clamav.clamd", Instant.EPOCH, "rule.name", "Php.Webshell.Chopper-1",
                "file.path", "/var/www/html/upload/x.php");
        // in load order: the files are read in path order
        assertThat(Sigma.ids(rules.match(webshell))).containsExactly("c9a88268-0047-4824-ba6e-4d81ce0b907c",
                "fdf135a2-9241-4f96-a114-bb404948f736");
        var windowsTemp = Sigma.event("windows.defender", Instant.EPOCH, "rule.name", "Trojan:Win32/Wacatac",
                "file.path", "C:\\Temp\\payload.exe");
        assertThat(Sigma.ids(rules.match(windowsTemp))).containsExactly("c9a88268-0047-4824-ba6e-4d81ce0b907c");
        var download = Sigma.event("windows.defender", Instant.EPOCH, "rule.name", "Trojan:Win32/Wacatac",
                "file.path", "D:\\Downloads\\setup.exe");
        assertThat(rules.match(download)).isEmpty();
    }

    @Test
    void wannacryKillswitchOnSuricataDns() {
        var query = Sigma.event("suricata.eve", Instant.EPOCH, "dns.question.name",
                "iuqssfsodp9ifjaposdfjhgosurijfaewrwergwea.com");
        var other = Sigma.event("suricata.eve", Instant.EPOCH, "dns.question.name", "example.com");
        assertThat(Sigma.ids(rules.match(query))).containsExactly("3eaf6218-3bed-4d8a-8707-274096f12a18");
        assertThat(rules.match(other)).isEmpty();
    }
}
