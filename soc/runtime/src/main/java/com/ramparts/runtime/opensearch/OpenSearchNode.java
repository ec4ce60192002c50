package com.ramparts.runtime.opensearch;

import com.ramparts.runtime.host.ServiceUser;
import com.ramparts.runtime.process.HealthProbe;
import com.ramparts.runtime.process.ProcessSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A prepared single-node OpenSearch: distribution unpacked, instance directory configured and,
 * under root, owned by the service user. {@link #processSpec()} is how to run it.
 */
public final class OpenSearchNode {

    private final OpenSearchSettings settings;
    private final Path home;
    private final Path instanceDir;
    private final Optional<ServiceUser> runAs;

    private OpenSearchNode(OpenSearchSettings settings, Path home, Path instanceDir, Optional<ServiceUser> runAs) {
        this.settings = settings;
        this.home = home;
        this.instanceDir = instanceDir;
        this.runAs = runAs;
    }

    /**
     * Unpacks the distribution if needed and writes the instance's configuration. Idempotent:
     * existing data is kept, configuration is rewritten from the settings.
     */
    public static OpenSearchNode prepare(OpenSearchSettings settings) {
        Optional<ServiceUser> runAs = ServiceUser.runningAsRoot()
                ? Optional.of(ServiceUser.ensure(ServiceUser.DEFAULT_NAME))
                : Optional.empty();
        // the service user must reach the files; a tree under /root, for one, is closed to it
        Path distributionParent = runAs.isPresent() ? reachable(settings.distributionParent()) : settings.distributionParent();
        Path instanceDir = runAs.isPresent() ? reachable(settings.instanceDir()) : settings.instanceDir();
        Path home = OpenSearchDistribution.unpackOnce(settings.distributionZip(), distributionParent);
        try {
            writeInstance(settings, home, instanceDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare OpenSearch instance in " + instanceDir, e);
        }
        runAs.ifPresent(user -> user.own(instanceDir));
        return new OpenSearchNode(settings, home, instanceDir, runAs);
    }

    public URI httpUri() {
        return URI.create("http://" + settings.host() + ":" + settings.httpPort());
    }

    public Path instanceDir() {
        return instanceDir;
    }

    public Path logFile() {
        return instanceDir.resolve("logs").resolve("console.log");
    }

    public Optional<ServiceUser> runsAs() {
        return runAs;
    }

    /** The command that runs this node in the foreground of its own process. */
    public ProcessSpec processSpec() {
        List<String> command = new ArrayList<>();
        runAs.ifPresent(user -> command.addAll(user.commandPrefix()));
        command.add(home.resolve("bin").resolve("opensearch").toString());
        Map<String, String> env = Map.of(
                "OPENSEARCH_PATH_CONF", instanceDir.resolve("config").toString(),
                "OPENSEARCH_JAVA_HOME", System.getProperty("java.home"),
                "OPENSEARCH_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap(),
                "OPENSEARCH_TMPDIR", instanceDir.resolve("tmp").toString(),
                "HOME", instanceDir.toString());
        // bin/opensearch resolves bin/opensearch-keystore relative to the working directory
        return new ProcessSpec("opensearch", command, home, env, logFile());
    }

    public void awaitHealthy(ProcessHandle process, Duration timeout) {
        HealthProbe.await("OpenSearch", clusterHealth(httpUri()), OpenSearchNode::isHealthy, process, logFile(), timeout);
    }

    /** The cluster health endpoint of the node at {@code httpUri}. */
    public static URI clusterHealth(URI httpUri) {
        return httpUri.resolve("/_cluster/health");
    }

    /** True for a cluster health answer of a node that serves: green, or yellow (one node has no replicas). */
    public static boolean isHealthy(HealthProbe.Answer answer) {
        return answer.statusCode() == 200 && (answer.status().equals("green") || answer.status().equals("yellow"));
    }

    private static void writeInstance(OpenSearchSettings s, Path home, Path instanceDir) throws IOException {
        Path config = instanceDir.resolve("config");
        for (String dir : List.of("config", "data", "logs", "tmp")) {
            Files.createDirectories(instanceDir.resolve(dir));
        }
        copyTree(home.resolve("config"), config);
        Files.writeString(config.resolve("opensearch.yml"), """
                # written by Ramparts on every start; change the settings, not this file
                cluster.name: %s
                node.name: %s-1
                path.data: %s
                path.logs: %s
                network.host: %s
                http.port: %d
                transport.port: %d
                discovery.type: single-node
                # a nearly full disk must not turn the appliance's indices read-only without warning;
                # disk space is watched by the operator's monitoring, see docs/operations.md
                cluster.routing.allocation.disk.threshold_enabled: false
                action.destructive_requires_name: true
                """.formatted(s.clusterName(), s.clusterName(), instanceDir.resolve("data"), instanceDir.resolve("logs"),
                s.host(), s.httpPort(), s.transportPort()), StandardCharsets.UTF_8);
        Files.writeString(config.resolve("jvm.options"), jvmOptions(home, instanceDir), StandardCharsets.UTF_8);
    }

    /**
     * The distribution's jvm.options with its paths made absolute (it assumes the working
     * directory holds agent/, logs/ and data/, but instances share one read-only home), the heap
     * left to OPENSEARCH_JAVA_OPTS, and GC logs kept small.
     */
    static String jvmOptions(Path relativeOrAbsoluteHome, Path relativeOrAbsoluteInstance) throws IOException {
        Path home = relativeOrAbsoluteHome.toAbsolutePath().normalize();
        Path instanceDir = relativeOrAbsoluteInstance.toAbsolutePath().normalize();
        String original = Files.readString(home.resolve("config").resolve("jvm.options"), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String line : original.split("\\R")) {
            String l = line.strip();
            if (l.matches("-Xm[sx]\\d+[kmgKMG]?")) {
                continue;
            }
            l = l.replace("-javaagent:agent/", "-javaagent:" + home.resolve("agent") + "/")
                    .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + instanceDir.resolve("data"))
                    .replace("-XX:ErrorFile=logs/", "-XX:ErrorFile=" + instanceDir.resolve("logs") + "/")
                    .replace("file=logs/gc.log", "file=" + instanceDir.resolve("logs").resolve("gc.log"))
                    .replace("filecount=32,filesize=64m", "filecount=2,filesize=16m");
            out.append(l).append('\n');
        }
        return out.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * {@code dir} if the service user can reach it, otherwise a stand-in under /var/lib/ramparts
     * named after it, so the same directory maps to the same stand-in on every start.
     */
    private static Path reachable(Path dir) {
        if (ServiceUser.othersCanTraverse(dir)) {
            return dir;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            Path standIn = Path.of("/var/lib/ramparts").resolve(dir.getFileName() + "-" + HexFormat.of().formatHex(digest, 0, 6));
            Files.createDirectories(standIn.getParent());
            Files.setPosixFilePermissions(standIn.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            System.err.println("note: " + dir + " is not reachable by an unprivileged user; OpenSearch uses " + standIn + " instead");
            return standIn;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot find a directory the OpenSearch service user can reach for " + dir, e);
        }
    }
}
