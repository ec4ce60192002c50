package com.ramparts.runtime.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ramparts.runtime.host.ServiceUser;
import com.ramparts.runtime.process.HealthProbe;
import com.ramparts.runtime.process.ProcessSpec;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSearchNodeTest {

    /** The shape of OpenSearch 3.6.0's config/jvm.options: its comments elided, every option line kept. */
    static final String REAL_JVM_OPTIONS = """
            ## JVM configuration

            ################################################################
            ## IMPORTANT: JVM heap size
            ################################################################
            # Xms represents the initial size of total heap space
            # Xmx represents the maximum size of total heap space

            -Xms1g
            -Xmx1g

            ################################################################
            ## Expert settings
            ################################################################

            ## GC configuration
            8-10:-XX:+UseConcMarkSweepGC
            8-10:-XX:CMSInitiatingOccupancyFraction=75
            8-10:-XX:+UseCMSInitiatingOccupancyOnly

            ## G1GC Configuration
            11-:-XX:+UseG1GC
            11-:-XX:G1ReservePercent=25
            11-:-XX:InitiatingHeapOccupancyPercent=30

            ## JVM temporary directory
            -Djava.io.tmpdir=${OPENSEARCH_TMPDIR}

            ## heap dumps

            # generate a heap dump when an allocation from the Java heap fails
            -XX:+HeapDumpOnOutOfMemoryError

            # specify an alternative path for heap dumps
            -XX:HeapDumpPath=data

            # specify an alternative path for JVM fatal error logs
            -XX:ErrorFile=logs/hs_err_pid%p.log

            ## GC logging
            9-:-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m

            # JDK 20+ Incubating Vector Module for SIMD optimizations;
            20-:--add-modules=jdk.incubator.vector

            # See please https://bugs.openjdk.org/browse/JDK-8341127 (openjdk/jdk#21283)
            21-:-javaagent:agent/opensearch-agent.jar
            21-:--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED

            25-:-XX:+UseCompactObjectHeaders
            """;

    @TempDir
    Path dir;

    private static List<String> optionLines(String jvmOptions) {
        return Arrays.stream(jvmOptions.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static Path fakeHome(Path home, String jvmOptions) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/jvm.options"), jvmOptions, StandardCharsets.UTF_8);
        return home;
    }

    @Nested
    class JvmOptions {

        private String rewritten() throws IOException {
            return OpenSearchNode.jvmOptions(fakeHome(dir.resolve("home"), REAL_JVM_OPTIONS), dir.resolve("instance"));
        }

        private String line(String prefix) throws IOException {
            List<String> matching = optionLines(rewritten()).stream().filter(l -> l.startsWith(prefix)).toList();
            assertThat(matching).as("lines starting with %s", prefix).hasSize(1);
            return matching.getFirst();
        }

        @Test
        void leavesTheHeapToTheEnvironment() throws IOException {
            assertThat(optionLines(rewritten())).noneMatch(l -> l.matches("(\\d+-\\d*:)?-Xm[sx].*"));
        }

        @Test
        void pointsTheJavaAgentAtTheHomesAgentDirectoryByAbsolutePath() throws IOException {
            Path agent = Path.of(line("21-:-javaagent:").substring("21-:-javaagent:".length()));

            assertThat(agent).isAbsolute().isEqualTo(dir.resolve("home/agent/opensearch-agent.jar"));
        }

        @Test
        void writesHeapDumpsAndFatalErrorLogsIntoTheInstance() throws IOException {
            assertThat(line("-XX:HeapDumpPath=")).isEqualTo("-XX:HeapDumpPath=" + dir.resolve("instance/data"));
            assertThat(line("-XX:ErrorFile=")).isEqualTo("-XX:ErrorFile=" + dir.resolve("instance/logs/hs_err_pid%p.log"));
        }

        @Test
        void writesFewSmallGcLogsIntoTheInstance() throws IOException {
            assertThat(line("9-:-Xlog:gc")).isEqualTo("9-:-Xlog:gc*,gc+age=trace,safepoint:file="
                    + dir.resolve("instance/logs/gc.log") + ":utctime,pid,tags:filecount=2,filesize=16m");
        }

        @Test
        void leavesNoPathRelativeToTheWorkingDirectory() throws IOException {
            assertThat(optionLines(rewritten()))
                    .noneMatch(l -> l.contains("=logs/") || l.endsWith("=data") || l.contains(":agent/"));
        }

        @Test
        void keepsEveryOtherOptionAsItWas() throws IOException {
            Path home = dir.resolve("home");
            Path instance = dir.resolve("instance");

            assertThat(optionLines(rewritten())).containsExactly(
                    "8-10:-XX:+UseConcMarkSweepGC",
                    "8-10:-XX:CMSInitiatingOccupancyFraction=75",
                    "8-10:-XX:+UseCMSInitiatingOccupancyOnly",
                    "11-:-XX:+UseG1GC",
                    "11-:-XX:G1ReservePercent=25",
                    "11-:-XX:InitiatingHeapOccupancyPercent=30",
                    "-Djava.io.tmpdir=${OPENSEARCH_TMPDIR}",
                    "-XX:+HeapDumpOnOutOfMemoryError",
                    "-XX:HeapDumpPath=" + instance.resolve("data"),
                    "-XX:ErrorFile=" + instance.resolve("logs") + "/hs_err_pid%p.log",
                    "9-:-Xlog:gc*,gc+age=trace,safepoint:file=" + instance.resolve("logs/gc.log")
                            + ":utctime,pid,tags:filecount=2,filesize=16m",
                    "20-:--add-modules=jdk.incubator.vector",
                    "21-:-javaagent:" + home.resolve("agent") + "/opensearch-agent.jar",
                    "21-:--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED",
                    "25-:-XX:+UseCompactObjectHeaders");
        }

        @Test
        void understandsAFileWithWindowsLineEndings() throws IOException {
            Path home = fakeHome(dir.resolve("home"), REAL_JVM_OPTIONS.replace("\n", "\r\n"));

            String result = OpenSearchNode.jvmOptions(home, dir.resolve("instance"));

            assertThat(result).doesNotContain("\r").doesNotContain("-Xms1g");
            assertThat(result).contains("-XX:HeapDumpPath=" + dir.resolve("instance/data") + "\n");
        }

        @Test
        void makesPathsAbsoluteEvenWhenGivenRelativeOnes() throws IOException {
            fakeHome(dir.resolve("home"), REAL_JVM_OPTIONS);
            Path relativeHome = Path.of("").toAbsolutePath().relativize(dir.resolve("home"));
            Path relativeInstance = Path.of("").toAbsolutePath().relativize(dir.resolve("instance"));

            String result = OpenSearchNode.jvmOptions(relativeHome, relativeInstance);

            assertThat(result).contains("-javaagent:" + dir.resolve("home/agent") + "/opensearch-agent.jar")
                    .contains("-XX:HeapDumpPath=" + dir.resolve("instance/data"));
        }
    }

    @Nested
    class Prepare {

        private Path openTempDir() throws IOException {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
                assumeTrue(Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE),
                        "the temp directory lies under " + p + ", which others cannot search");
            }
            if (ServiceUser.runningAsRoot()) {
                // as root, prepare() uses (and would otherwise create) the service user
                assumeTrue(userExists(ServiceUser.DEFAULT_NAME), "no user " + ServiceUser.DEFAULT_NAME);
            }
            return dir;
        }

        private static boolean userExists(String name) {
            try {
                Process p = new ProcessBuilder("id", "-u", name).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        private Path distributionZip() throws IOException {
            Path zip = Files.createDirectories(dir.resolve("repo")).resolve("opensearch-9.9.9.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (String[] e : List.of(
                        new String[] {"opensearch-9.9.9/bin/opensearch", "#!/bin/sh\nexit 0\n"},
                        new String[] {"opensearch-9.9.9/config/jvm.options", REAL_JVM_OPTIONS},
                        new String[] {"opensearch-9.9.9/config/log4j2.properties", "status = error\n"},
                        new String[] {"opensearch-9.9.9/config/opensearch.yml", "# the distribution's own\n"})) {
                    out.putNextEntry(new ZipEntry(e[0]));
                    out.write(e[1].getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return zip;
        }

        private OpenSearchSettings settings(int httpPort) throws IOException {
            Path open = openTempDir();
            return new OpenSearchSettings(distributionZip(), open.resolve("dist"), open.resolve("instance"), "127.0.0.1",
                    httpPort, 19_300, "256m", "ramparts-test");
        }

        @Test
        void writesTheInstancesConfigurationFromTheSettings() throws IOException {
            OpenSearchNode node = OpenSearchNode.prepare(settings(19_200));
            Path instance = dir.resolve("instance");

            assertThat(node.instanceDir()).isEqualTo(instance);
            for (String sub : List.of("config", "data", "logs", "tmp")) {
                assertThat(instance.resolve(sub)).isDirectory();
            }
            assertThat(instance.resolve("config/log4j2.properties")).hasContent("status = error");
            assertThat(Files.readAllLines(instance.resolve("config/opensearch.yml"))).contains(
                    "cluster.name: ramparts-test",
                    "path.data: " + instance.resolve("data"),
                    "path.logs: " + instance.resolve("logs"),
                    "network.host: 127.0.0.1",
                    "http.port: 19200",
                    "transport.port: 19300",
                    "discovery.type: single-node");
            assertThat(Files.readString(instance.resolve("config/jvm.options")))
                    .doesNotContain("-Xms1g")
                    .contains("-XX:HeapDumpPath=" + instance.resolve("data"));
        }

        @Test
        void preparingAgainKeepsTheDataAndRewritesTheConfiguration() throws IOException {
            OpenSearchNode.prepare(settings(19_200));
            Path kept = Files.writeString(dir.resolve("instance/data/kept.txt"), "indices");

            OpenSearchNode.prepare(settings(19_201));

            assertThat(kept).hasContent("indices");
            assertThat(Files.readAllLines(dir.resolve("instance/config/opensearch.yml")))
                    .contains("http.port: 19201").doesNotContain("http.port: 19200");
        }

        @Test
        void theProcessSpecRunsTheHomesScriptWithTheInstancesSettings() throws IOException {
            OpenSearchNode node = OpenSearchNode.prepare(settings(19_200));
            Path home = dir.resolve("dist/opensearch-9.9.9");
            Path instance = dir.resolve("instance");

            ProcessSpec spec = node.processSpec();

            assertThat(spec.command().getLast()).isEqualTo(home.resolve("bin/opensearch").toString());
            assertThat(spec.workingDirectory()).isEqualTo(home);
            assertThat(spec.logFile()).isEqualTo(instance.resolve("logs/console.log")).isEqualTo(node.logFile());
            assertThat(spec.env())
                    .containsEntry("OPENSEARCH_PATH_CONF", instance.resolve("config").toString())
                    .containsEntry("OPENSEARCH_JAVA_OPTS", "-Xms256m -Xmx256m")
                    .containsEntry("OPENSEARCH_TMPDIR", instance.resolve("tmp").toString())
                    .containsEntry("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
            assertThat(node.httpUri()).isEqualTo(URI.create("http://127.0.0.1:19200"));
        }

        @Test
        void underRootTheNodeRunsAsTheServiceUserWhoOwnsTheInstance() throws IOException {
            assumeTrue(ServiceUser.runningAsRoot(), "only root drops privileges");
            OpenSearchNode node = OpenSearchNode.prepare(settings(19_200));
            ServiceUser user = node.runsAs().orElseThrow();

            assertThat(user.name()).isEqualTo(ServiceUser.DEFAULT_NAME);
            assertThat(node.processSpec().command()).startsWith(user.commandPrefix().toArray(String[]::new));
            assertThat(Files.getAttribute(dir.resolve("instance/config/opensearch.yml"), "unix:uid")).isEqualTo(user.uid());
            assertThat(Files.getAttribute(dir.resolve("instance/data"), "unix:uid")).isEqualTo(user.uid());
        }

        @Test
        void theNodeIsHealthyWhenItsClusterHealthIsGreenOrYellowButNotRed() throws IOException {
            AtomicReference<String> status = new AtomicReference<>("yellow");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/_cluster/health", exchange -> {
                byte[] body = ("{\"cluster_name\":\"ramparts-test\",\"status\":\"" + status.get() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                OpenSearchNode node = OpenSearchNode.prepare(settings(server.getAddress().getPort()));
                URI health = OpenSearchNode.clusterHealth(node.httpUri());

                assertThat(health).isEqualTo(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/_cluster/health"));
                assertThat(OpenSearchNode.isHealthy(HealthProbe.get(health))).as("yellow").isTrue();
                node.awaitHealthy(ProcessHandle.current(), Duration.ofSeconds(5));
                status.set("green");
                assertThat(OpenSearchNode.isHealthy(HealthProbe.get(health))).as("green").isTrue();
                status.set("red");
                assertThat(OpenSearchNode.isHealthy(HealthProbe.get(health))).as("red").isFalse();
            } finally {
                server.stop(0);
            }
        }
    }
}
