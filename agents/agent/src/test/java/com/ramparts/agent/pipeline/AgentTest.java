package com.ramparts.agent.pipeline;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.FileInputConfig;
import com.ramparts.agent.config.KafkaConfig;
import com.ramparts.agent.config.SpoolConfig;
import com.ramparts.agent.config.SyslogInputConfig;
import com.ramparts.agent.input.syslog.SyslogInput;
import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.FullPolicy;
import com.ramparts.agent.testing.KafkaEvents;
import com.ramparts.agent.testing.LineParser;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole agent against real files, real sockets and the real test broker. */
@Timeout(120)
class AgentTest {

    private static final TestKafka KAFKA = TestKafka.shared();

    @TempDir
    Path dir;

    /** closed even when an assertion fails, so no agent thread outlives its deleted temp directory */
    private final List<Agent> started = new ArrayList<>();

    @AfterEach
    void closeAgents() {
        started.forEach(Agent::close);
    }

    private Agent start(String topic) throws IOException {
        Agent agent = Agent.start(config(topic), LineParser::lookup, "test");
        started.add(agent);
        return agent;
    }

    private AgentConfig config(String topic) {
        return new AgentConfig("agent-7", "ward-03", Optional.of("d1-ward-03"), dir.resolve("data"),
                new SpoolConfig(dir.resolve("data/spool"), 64L << 20, 4L << 20, FsyncPolicy.INTERVAL,
                        Duration.ofMillis(100), FullPolicy.BLOCK),
                new KafkaConfig(KAFKA.bootstrapServers(), topic, "lz4", Duration.ofSeconds(10), Duration.ofSeconds(1),
                        Optional.empty(), Map.of()),
                Duration.ofSeconds(1),
                List.of(new FileInputConfig("app", LineParser.FORMAT, dir.resolve("app.log"), Duration.ofMillis(20),
                                4096, false, Duration.ofMinutes(10)),
                        new SyslogInputConfig("fw", LineParser.FORMAT, "127.0.0.1", 0, 0, 4096, 1000, 8,
                                ZoneId.of("Asia/Ho_Chi_Minh"), Duration.ofSeconds(1))));
    }

    private static String topic() {
        String topic = "telemetry.events." + UUID.randomUUID();
        KAFKA.createTopic(topic, 3);
        return topic;
    }

    private void write(Path file, int from, int count) throws IOException {
        Files.writeString(file, IntStream.range(from, from + count).mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining()), CREATE, APPEND);
    }

    private static List<TelemetryEvent> from(List<KafkaEvents.Received> received, String inputId) {
        return received.stream().map(KafkaEvents.Received::event).filter(e -> e.origin().inputId().equals(inputId))
                .toList();
    }

    private static Set<String> messages(List<TelemetryEvent> events) {
        return events.stream().map(e -> e.fields().string("message").orElse("")).collect(Collectors.toSet());
    }

    @Test
    void filesThroughRotationSyslogAndHeartbeatsAllReachKafkaAndARestartAddsNothingTwice() throws Exception {
        String topic = topic();
        Path log = dir.resolve("app.log");
        write(log, 0, 300);
        try (KafkaEvents kafka = new KafkaEvents(KAFKA.bootstrapServers(), topic)) {
            Agent agent = start(topic);
            SyslogInput syslog = (SyslogInput) agent.input("fw");

            write(log, 300, 200);
            Files.move(log, dir.resolve("app.log.1")); // rotation by rename while the agent runs
            write(log, 500, 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.counters("app").snapshot().read() >= 600);
            Files.copy(log, dir.resolve("app.log.2")); // copytruncate
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            write(log, 700, 100);

            try (DatagramSocket udp = new DatagramSocket()) {
                byte[] bytes = "<134>Mar  1 08:15:30 fw01 app: over udp".getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), syslog.udpPort()));
            }
            try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), syslog.tcpPort());
                 OutputStream out = tcp.getOutputStream()) {
                String message = "<165>1 2026-03-01T08:15:31+07:00 fw01 app - - - over tcp";
                out.write((message.length() + " " + message).getBytes(StandardCharsets.UTF_8));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<KafkaEvents.Received> received = kafka.poll();
                // wait for a heartbeat taken after the file input read something, not just the first one
                return from(received, "app").size() >= 800 && from(received, "fw").size() >= 2
                        && received.stream().anyMatch(r -> r.event().fields().string("ramparts_agent.input.id")
                        .orElse("").equals("fw"))
                        && received.stream().anyMatch(r -> r.event().fields().string("ramparts_agent.input.id")
                        .orElse("").equals("app") && r.event().fields().longValue("ramparts_agent.input.read").orElse(0) > 0);
            });
            List<KafkaEvents.Received> received = kafka.poll();
            assertThat(received).allSatisfy(r -> assertThat(r.key()).isEqualTo("ward-03"));
            List<TelemetryEvent> app = from(received, "app");
            assertThat(app).extracting(e -> e.id().toString()).doesNotHaveDuplicates()
                    .isEqualTo(IntStream.range(0, 800).mapToObj(i -> "agent-7:app:" + i).toList());
            assertThat(messages(app)).isEqualTo(IntStream.range(0, 800).mapToObj(i -> "line " + i)
                    .collect(Collectors.toSet()));
            List<TelemetryEvent> fw = from(received, "fw");
            assertThat(fw).extracting(e -> e.fields().string("log.syslog.appname").orElse(""))
                    .containsOnly("app");
            assertThat(messages(fw)).contains("<134>Mar  1 08:15:30 fw01 app: over udp");

            List<TelemetryEvent> heartbeats = from(received, AgentConfig.HEARTBEAT_INPUT_ID);
            assertThat(heartbeats).anySatisfy(h -> {
                assertThat(h.fields().string("event.kind")).hasValue("metric");
                assertThat(h.fields().string("agent.version")).hasValue("test");
                assertThat(h.fields().longValue("ramparts_agent.host.cpu_count")).isPresent();
                assertThat(h.fields().string("host.hostname")).isPresent();
            });
            assertThat(heartbeats).anySatisfy(h -> {
                assertThat(h.fields().string("event.kind")).hasValue("state");
                assertThat(h.fields().string("ramparts_agent.input.id")).hasValue("app");
                assertThat(h.fields().longValue("ramparts_agent.input.read").orElse(0)).isPositive();
                assertThat(h.fields().string("ramparts_agent.input.last_record")).isPresent();
            });

            agent.close(); // SIGTERM's path
            write(log, 800, 50);
            Agent restarted = start(topic);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> from(kafka.poll(), "app").size() >= 850);
                List<String> ids = from(kafka.poll(), "app").stream().map(e -> e.id().toString()).toList();
                assertThat(ids).doesNotHaveDuplicates()
                        .isEqualTo(IntStream.range(0, 850).mapToObj(i -> "agent-7:app:" + i).toList());
                await().atMost(Duration.ofSeconds(30)).until(() -> from(kafka.poll(), "fw").size() == 2
                        && restarted.counters("fw").snapshot().read() == 0
                        && from(kafka.poll(), AgentConfig.HEARTBEAT_INPUT_ID).stream()
                        .anyMatch(h -> h.fields().string("ramparts_agent.input.status").orElse("").equals("silent")));
                Set<String> heartbeatIds = new HashSet<>();
                from(kafka.poll(), AgentConfig.HEARTBEAT_INPUT_ID).forEach(h -> heartbeatIds.add(h.id().toString()));
                assertThat(heartbeatIds).hasSize(from(kafka.poll(), AgentConfig.HEARTBEAT_INPUT_ID).size());
            } finally {
                restarted.close();
            }
        }
    }
}
