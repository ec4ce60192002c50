package com.ramparts.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.agent.parse.FormatFixtures;
import com.ramparts.agent.parse.Fixtures;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code parse --type <format> FILE} over every fixture, as a user debugging a parser runs it. */
class ParseCommandTest {

    private static final TelemetryJson JSON = new TelemetryJson();

    @TempDir
    Path dir;

    record Run(int exit, List<TelemetryEvent> events, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ParseCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        List<TelemetryEvent> events = out.toString().lines()
                .map(line -> JSON.read(line.getBytes(StandardCharsets.UTF_8))).toList();
        return new Run(exit, events, err.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Stream<String[]> fixtures() {
        return FormatFixtures.ALL.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(fixture -> new String[] {entry.getKey(), fixture}));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixturePrintsItsEventsWithTheTestOrigin(String format, String fixture) throws IOException {
        Path file = write("input", Fixtures.text(fixture));
        Run run = run("--type", format, "--received-at", "2026-11-22T04:00:00Z", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.origin().siteId()).isEqualTo("local");
            assertThat(event.origin().agentId()).isEqualTo("cli");
            assertThat(event.origin().inputId()).startsWith(format);
            assertThat(Fixtures.value(event, "event.kind")).isNotEqualTo("pipeline_error");
        });
        assertThat(run.events().stream().map(TelemetryEvent::id).distinct()).hasSameSizeAs(run.events());
    }

    @Test
    void theSequenceIsTheLineNumber() throws IOException {
        Path file = write("eve.json", Fixtures.text("suricata/eve.json"));
        Run run = run("--type", "suricata-eve", file.toString());
        assertThat(run.events()).extracting(event -> event.origin().sequence()).startsWith(1L, 2L, 3L, 4L);
    }

    @Test
    void aLineThatFailsPrintsAPipelineErrorWithItsReasonAndOriginal() throws IOException {
        Path file = write("mixed.json", Fixtures.text("suricata/eve.json").lines().findFirst().orElseThrow()
                + "\n{\"event_type\":\"alert\",\"src_port\":\"http\",\"timestamp\":\"2026-11-22T10:00:00+0700\"}\n");
        Run run = run("--type", "suricata-eve", "--received-at", "2026-11-22T04:00:00Z", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        TelemetryEvent error = run.events().get(1);
        assertThat(Fixtures.value(error, "event.kind")).isEqualTo("pipeline_error");
        assertThat((String) Fixtures.value(error, "error.message")).contains("src_port").contains("whole number");
        assertThat(error.original()).hasValue("{\"event_type\":\"alert\",\"src_port\":\"http\",\"timestamp\":\"2026-11-22T10:00:00+0700\"}");
        assertThat(error.origin().sequence()).isEqualTo(2);
    }

    @Test
    void anOverlongLineIsCutFlaggedAndReportedNotLost() throws IOException {
        char[] line = new char[3 << 20];
        Arrays.fill(line, 'A');
        Path file = write("huge.log", new String(line) + "\n");
        Run run = run("--type", "iptables", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        TelemetryEvent error = run.events().getFirst();
        assertThat(Fixtures.value(error, "tags")).isEqualTo(List.of("truncated"));
        assertThat((String) Fixtures.value(error, "error.message")).contains("truncated");
        assertThat(error.original().orElseThrow()).hasSize(262_144);
    }

    @Test
    void invalidUtf8ArrivesAsReplacementCharactersAndStillParses() throws IOException {
        byte[] line = Fixtures.text("iptables/kern-traditional.log").lines().findFirst().orElseThrow()
                .replace("RAMPARTS", "RAMP\u0001RTS").getBytes(StandardCharsets.UTF_8);
        line[30] = (byte) 0xC3; // a lead byte without its continuation
        Path file = dir.resolve("bad-utf8.log");
        Files.write(file, line);
        Run run = run("--type", "iptables", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.events().getFirst().original().orElseThrow()).contains("\uFFFD");
    }

    @Test
    void aRecordWithSeveralEventsGivesEachItsOwnId() throws IOException {
        Path file = write("snapshots.json", Fixtures.text("restic/snapshots.json"));
        Run run = run("--type", "restic", file.toString());
        assertThat(run.events()).extracting(event -> event.id().toString())
                .containsExactly("cli:restic:1", "cli:restic.2:1", "cli:restic.3:1");
    }

    @Test
    void resticsPlainTextThatIsNotOutputOfOursIsReportedLineByLine() throws IOException {
        Path file = write("fatal.txt", Fixtures.text("restic/backup-no-repository.txt"));
        Run run = run("--type", "restic", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.events()).extracting(event -> Fixtures.value(event, "event.kind"))
                .containsExactly("event", "pipeline_error", "pipeline_error");
        assertThat(Fixtures.value(run.events().getFirst(), "event.outcome")).isEqualTo("failure");
    }

    @Test
    void anUnknownFormatNamesTheKnownOnes() throws IOException {
        Path file = write("x", "x\n");
        Run run = run("--type", "snort", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'snort'").contains("suricata-eve").contains("veeam");
    }

    @Test
    void aMissingFileIsAnIoErrorNotACrash() {
        Run run = run("--type", "iptables", dir.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read");
    }
}
