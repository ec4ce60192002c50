package com.ramparts.agent.pipeline;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ramparts.agent.testing.KafkaEvents;
import com.ramparts.testsupport.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real crash: the agent runs as a child process and is killed with SIGKILL while a file is
 * being written and events are in flight; restarted, it must deliver every line, under the same
 * ids it would have used without the crash.
 */
@Timeout(120)
class KillNineTest {

    private static final TestKafka KAFKA = TestKafka.shared();
    private static final int BEFORE_KILL = 20_000;
    private static final int LINES = 22_000;

    @TempDir
    Path dir;

    private Process startAgent(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", AgentProcess.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private void write(Path log, int from, int to) throws IOException {
        Files.writeString(log, IntStream.range(from, to).mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining()), CREATE, APPEND);
    }

    @Test
    void afterSigkillMidStreamARestartDeliversEveryLineUnderItsOwnIdOnce() throws Exception {
        String topic = "telemetry.events." + UUID.randomUUID();
        KAFKA.createTopic(topic, 3);
        Path log = dir.resolve("app.log");
        Path config = Files.writeString(dir.resolve("agent.yml"), """
                agent: {id: agent-7, site_id: ward-03, data_dir: %s}
                spool: {fsync: interval, fsync_interval: 50ms, max_bytes: 64MiB, segment_bytes: 2MiB}
                kafka: {bootstrap_servers: "%s", topic: %s, delivery_timeout: 10s}
                heartbeat: {interval: 1h}
                inputs:
                  - {id: app, type: file, format: test-lines, path: %s, poll_interval: 10ms}
                """.formatted(dir.resolve("data"), KAFKA.bootstrapServers(), topic, log));
        write(log, 0, BEFORE_KILL);

        try (KafkaEvents kafka = new KafkaEvents(KAFKA.bootstrapServers(), topic)) {
            Process first = startAgent(config, "first");
            await().atMost(Duration.ofSeconds(60)).until(() -> appIds(kafka).size() >= 500);
            first.destroyForcibly(); // SIGKILL mid-stream: no shutdown hook, no final checkpoint, sends in flight
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            write(log, BEFORE_KILL, LINES); // only the restarted agent can deliver these

            Process second = startAgent(config, "second");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> new HashSet<>(appIds(kafka)).size() >= LINES);
                List<String> ids = appIds(kafka);
                Set<String> expected = IntStream.range(0, LINES).mapToObj(i -> "agent-7:app:" + i)
                        .collect(Collectors.toSet());
                assertThat(new HashSet<>(ids)).isEqualTo(expected); // none lost, none renumbered
                List<String> lines = kafka.poll().stream().filter(r -> r.event().origin().inputId().equals("app"))
                        .map(r -> r.event().id().sequence() + "=" + r.event().fields().string("message").orElse(""))
                        .distinct().toList();
                assertThat(lines).hasSize(LINES) // a repeated id always carries the same line
                        .allSatisfy(l -> assertThat(l.substring(l.indexOf('=') + 1))
                                .isEqualTo("line " + l.substring(0, l.indexOf('='))));
            } finally {
                second.destroy(); // SIGTERM: the graceful path
                assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(dir.resolve("second.log"))).contains("event=agent_stopped");
        }
    }

    private static List<String> appIds(KafkaEvents kafka) {
        return kafka.ids().stream().filter(id -> id.startsWith("agent-7:app:")).toList();
    }
}
