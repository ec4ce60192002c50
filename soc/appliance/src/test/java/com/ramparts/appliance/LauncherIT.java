package com.ramparts.appliance;

import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.process.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher end to end, as a user runs it: a real {@code up} of Kafka, OpenSearch, pki and soc
 * in a data directory of its own (on free ports, so a developer's running appliance is left
 * alone), then {@code status}, a second {@code up}, a port conflict, {@code logs} and {@code down}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final Path HOME = Path.of(System.getProperty("ramparts.home", "../..")).toAbsolutePath().normalize();

    private Path data;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Long> pidsAfterFirstUp = new HashMap<>();

    record Run(int exitCode, String output) {
    }

    @BeforeAll
    void freshDataDirectoryOnFreePorts() throws IOException {
        data = Files.createTempDirectory(HOME.resolve("target").toFile().exists() ? HOME.resolve("target") : Path.of("/tmp"), "launcher-it-");
        for (String key : List.of("kafka.port", "kafka.controller.port", "opensearch.port", "opensearch.transport.port", "pki.port", "soc.port")) {
            env.put(ApplianceConfig.envName(key), Integer.toString(Ports.freePort()));
        }
        env.put("RAMPARTS_OPENSEARCH_HEAP", "512m");
        env.put("RAMPARTS_LANG", "en");
    }

    @AfterAll
    void stopWhateverIsLeft() throws Exception {
        launcher(data, env, "down");
    }

    @Test
    @Order(1)
    void upStartsEveryPartAndPrintsWhereToReachThem() throws Exception {
        Run up = launcher(data, env, "up", "--demo-sites", "2");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output())
                .contains("Ramparts is up.")
                .contains("http://127.0.0.1:" + env.get("RAMPARTS_SOC_PORT"))
                .contains("http://127.0.0.1:" + env.get("RAMPARTS_PKI_PORT"))
                .contains("http://127.0.0.1:" + env.get("RAMPARTS_OPENSEARCH_PORT"))
                .contains("127.0.0.1:" + env.get("RAMPARTS_KAFKA_PORT"))
                .containsPattern("First administrator: user \"admin\", password \"[A-Za-z0-9]{24}\"");
        Path credentials = data.resolve("secrets/admin-credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(up.output()).contains("demo-sites: healthy").contains("Demo sites:             2 site(s)");
        for (String part : List.of("kafka", "opensearch", "pki", "soc", "demo-sites")) {
            long pid = Long.parseLong(Files.readString(data.resolve("run/" + part + ".pid")).trim().split("\\s+")[0]);
            assertThat(ProcessHandle.of(pid)).as(part + " process").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            pidsAfterFirstUp.put(part, pid);
        }
    }

    @Test
    @Order(2)
    void statusShowsEveryPartHealthy() throws Exception {
        Run status = launcher(data, env, "status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output().lines().filter(l -> l.contains(" healthy ")).count()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void theDemoSitesShipTheirTelemetryToTheAppliancesBroker() {
        Map<String, Object> consumer = Map.of("bootstrap.servers", "127.0.0.1:" + env.get("RAMPARTS_KAFKA_PORT"),
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName(),
                "auto.offset.reset", "earliest", "group.id", "launcher-it-" + System.nanoTime());
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumer)) {
            kafka.subscribe(List.of("telemetry.events"));
            java.util.Set<String> sites = new java.util.HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (sites.size() < 2 && System.nanoTime() < deadline) {
                kafka.poll(java.time.Duration.ofMillis(500)).forEach(record -> sites.add(record.key()));
            }
            assertThat(sites).contains("so-tttt", "so-tai-chinh");
        }
    }

    @Test
    @Order(3)
    void secondUpStartsNothingTwice() throws Exception {
        Run again = launcher(data, env, "up");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output().lines().filter(l -> l.contains("already running")).count()).isEqualTo(5);
        assertThat(again.output()).doesNotContain("First administrator").contains("Administrator credentials: in");
        for (var part : pidsAfterFirstUp.entrySet()) {
            assertThat(Files.readString(data.resolve("run/" + part.getKey() + ".pid"))).startsWith(part.getValue() + " ");
        }
    }

    @Test
    @Order(4)
    void portTakenByAnotherProgramIsNamedWithTheSettingThatChangesIt() throws Exception {
        Path otherData = Files.createTempDirectory(data.getParent(), "launcher-it-conflict-");
        Map<String, String> otherEnv = new HashMap<>(env);
        for (String key : List.of("kafka.controller.port", "opensearch.port", "opensearch.transport.port", "pki.port", "soc.port")) {
            otherEnv.put(ApplianceConfig.envName(key), Integer.toString(Ports.freePort()));
        }
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            otherEnv.put("RAMPARTS_KAFKA_PORT", Integer.toString(squatter.getLocalPort()));

            Run refused = launcher(otherData, otherEnv, "up");

            assertThat(refused.exitCode()).isEqualTo(Appliance.REFUSED);
            assertThat(refused.output())
                    .contains("Port " + squatter.getLocalPort() + " on 127.0.0.1 is already in use")
                    .contains("kafka.port")
                    .contains("RAMPARTS_KAFKA_PORT")
                    .contains("Nothing was started");
        }
        assertThat(otherData.resolve("run/kafka.pid")).doesNotExist();
    }

    @Test
    @Order(5)
    void logsShowTheEndOfAPartsLog() throws Exception {
        Run logs = launcher(data, env, "logs", "soc", "-n", "5");

        assertThat(logs.exitCode()).isZero();
        List<String> printed = logs.output().lines().toList();
        assertThat(printed.getFirst()).isEqualTo("==> " + data.resolve("logs/soc.log") + " <==");
        assertThat(printed).hasSizeBetween(2, 6);
        List<String> file = Files.readAllLines(data.resolve("logs/soc.log"));
        assertThat(file).containsSubsequence(printed.subList(1, printed.size()));
        assertThat(String.join("\n", file)).contains("Started SocApplication");
        assertThat(launcher(data, env, "logs", "nonsense").exitCode()).isEqualTo(Appliance.REFUSED);
    }

    @Test
    @Order(6)
    void downStopsEverythingAndLeavesNoProcessOfOurs() throws Exception {
        Run down = launcher(data, env, "down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("Ramparts is down.");
        for (var part : pidsAfterFirstUp.entrySet()) {
            // an exited process may stay a zombie where PID 1 does not reap orphans (containers, sandboxes)
            assertThat(ProcessHandle.of(part.getValue()).filter(Processes::isRunning)).as(part.getKey() + " still running").isEmpty();
        }
        List<String> strays = ProcessHandle.allProcesses()
                .filter(Processes::isRunning)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains(data.toString()))
                .toList();
        assertThat(strays).isEmpty();
        Run status = launcher(data, env, "status");
        assertThat(status.exitCode()).isEqualTo(Appliance.NOT_ALL_HEALTHY);
        assertThat(status.output().lines().filter(l -> l.contains(" stopped ")).count()).isEqualTo(4);
    }

    private static Run launcher(Path data, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", HOME.resolve("soc/appliance/target/ramparts-appliance.jar") + ":" + HOME.resolve("soc/appliance/target/lib") + "/*",
                "com.ramparts.appliance.Main", "--home", HOME.toString(), "--data", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
