package com.ramparts.agent.input.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.agent.config.CommandInputConfig;
import com.ramparts.agent.input.InputRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CommandInputTest {

    private static CommandInput input(List<String> command, Duration timeout, int maxOutput, boolean whole) {
        CommandInput input = new CommandInput(new CommandInputConfig("restic", "test-lines", command,
                Duration.ofHours(1), timeout, maxOutput, whole, Duration.ofHours(2)));
        input.start(null);
        return input;
    }

    private static List<String> texts(List<InputRecord> records) {
        return records.stream().map(r -> switch (r) {
            case InputRecord.Raw raw -> raw.raw().text();
            case InputRecord.Failed failed -> "FAILED " + failed.reason();
            case InputRecord.Ready ready -> "READY";
        }).toList();
    }

    @Test
    void eachLineOfOutputIsARecordAndArgumentsReachTheProgramUninterpreted() throws InterruptedException {
        CommandInput input = input(List.of("printf", "%s\\n%s\\n", "{\"a\":1}", "$(rm -rf /); `x` | y"),
                Duration.ofSeconds(10), 4096, false);
        assertThat(texts(input.run())).containsExactly("{\"a\":1}", "$(rm -rf /); `x` | y");
    }

    @Test
    void wholeOutputIsOneRecordForMultiLineDocuments() throws InterruptedException {
        CommandInput input = input(List.of("printf", "[\\n  {\"id\": 1}\\n]\\n"), Duration.ofSeconds(10), 4096, true);
        assertThat(texts(input.run())).containsExactly("[\n  {\"id\": 1}\n]\n");
    }

    @Test
    void theFirstPollRunsTheCommandAndTheNextWaitsForTheInterval() throws InterruptedException {
        CommandInput input = input(List.of("printf", "once\\n"), Duration.ofSeconds(10), 4096, false);
        assertThat(texts(input.poll(100, Duration.ofMillis(10)))).containsExactly("once");
        assertThat(input.poll(100, Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void aFailingCommandGivesItsOutputAndAFailureWithItsStatusAndStderr() throws InterruptedException {
        CommandInput input = input(List.of("sh", "-c", "echo partial; echo 'repository locked' >&2; exit 3"),
                Duration.ofSeconds(10), 4096, false);
        List<InputRecord> records = input.run();
        assertThat(texts(records)).containsExactly("partial",
                "FAILED sh -c echo partial; echo 'repository locked' >&2; exit 3 exited with status 3: repository locked");
        assertThat(((InputRecord.Failed) records.get(1)).raw().text()).isEqualTo("repository locked");
    }

    @Test
    void aHangingCommandIsKilledAtItsTimeoutWithItsChildren() throws InterruptedException {
        CommandInput input = input(List.of("sh", "-c", "echo started; sleep 600 & sleep 600"),
                Duration.ofMillis(500), 4096, false);
        List<InputRecord> records = input.run();
        assertThat(texts(records)).hasSize(2).first().isEqualTo("started");
        assertThat(texts(records).get(1)).startsWith("FAILED sh -c echo started; sleep 600 & sleep 600"
                + " timed out after 500 ms and was killed");
    }

    @Test
    void aMissingProgramIsAFailureNotACrash() throws InterruptedException {
        CommandInput input = input(List.of("/nonexistent/restic", "snapshots"), Duration.ofSeconds(10), 4096, false);
        List<String> records = texts(input.run());
        assertThat(records).singleElement().asString().startsWith("FAILED cannot start /nonexistent/restic");
    }

    @Test
    void outputBeyondTheLimitIsDiscardedAndFlaggedWhileTheCommandRunsToItsEnd() throws InterruptedException {
        CommandInput input = input(List.of("sh", "-c", "head -c 5000000 /dev/zero | tr '\\0' 'x'; echo; echo done >&2"),
                Duration.ofSeconds(30), 1000, true);
        List<InputRecord> records = input.run();
        assertThat(records).singleElement().satisfies(r -> {
            InputRecord.Raw raw = (InputRecord.Raw) r;
            assertThat(raw.raw().text()).hasSize(1000);
            assertThat(raw.raw().truncated()).isTrue();
        });
    }
}
