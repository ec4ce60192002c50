package com.ramparts.testsupport;

import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.opensearch.OpenSearchNode;
import com.ramparts.runtime.opensearch.OpenSearchSettings;
import com.ramparts.runtime.process.PidFile;
import com.ramparts.runtime.process.Processes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real single-node OpenSearch, started from the Maven Central distribution by the same code the
 * appliance uses, as a child process of the test JVM (as an unprivileged user when the tests run as
 * root). One per JVM; tests isolate themselves by index name.
 *
 * <p>The distribution zip comes from the system property {@code ramparts.opensearch.zip}, which the
 * build sets; servers live under {@code ramparts.test.work} (default: the system temp directory).
 */
public final class TestOpenSearch {

    private static TestOpenSearch shared;

    private final OpenSearchNode node;
    private final Process process;

    private TestOpenSearch(OpenSearchNode node, Process process) {
        this.node = node;
        this.process = process;
    }

    /** The node of this test JVM, started on first call. */
    public static synchronized TestOpenSearch shared() {
        if (shared == null) {
            shared = start();
            TestOpenSearch started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-opensearch"));
        }
        return shared;
    }

    public URI httpUri() {
        return node.httpUri();
    }

    private static TestOpenSearch start() {
        String zip = System.getProperty("ramparts.opensearch.zip");
        if (zip == null || zip.isBlank()) {
            throw new IllegalStateException("system property ramparts.opensearch.zip is not set; run the tests through "
                    + "Maven (./mvnw verify), whose surefire configuration sets it");
        }
        Path work = Path.of(System.getProperty("ramparts.test.work", System.getProperty("java.io.tmpdir"))).toAbsolutePath();
        Path instances = work.resolve("opensearch-instances");
        reapOrphans(instances);
        Path instance = instances.resolve("jvm-" + ProcessHandle.current().pid());
        OpenSearchNode node = OpenSearchNode.prepare(new OpenSearchSettings(Path.of(zip), work, instance, "127.0.0.1",
                Ports.freePort(), Ports.freePort(), "512m", "ramparts-test"));
        Process process = Processes.startDetached(node.processSpec());
        new PidFile(node.instanceDir().resolve("opensearch.pid")).write(process.toHandle());
        try {
            node.awaitHealthy(process.toHandle(), Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            Processes.stopTree(process.toHandle(), Duration.ofSeconds(20));
            throw e;
        }
        return new TestOpenSearch(node, process);
    }

    private void stop() {
        Processes.stopTree(process.toHandle(), Duration.ofSeconds(30));
        deleteTree(node.instanceDir());
    }

    /**
     * A test JVM killed hard leaves its node running; the next run stops it and frees the disk.
     * Instance directories are named after the JVM that owns them ({@code jvm-<pid>}).
     */
    private static void reapOrphans(Path instances) {
        if (!Files.isDirectory(instances)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(instances)) {
            for (Path dir : dirs.toList()) {
                long owner = ownerPid(dir);
                if (owner < 0 || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                new PidFile(dir.resolve("opensearch.pid")).liveProcess()
                        .ifPresent(orphan -> Processes.stopTree(orphan, Duration.ofSeconds(20)));
                deleteTree(dir);
            }
        } catch (IOException e) {
            System.err.println("could not look for orphaned OpenSearch nodes in " + instances + ": " + e);
        }
    }

    private static long ownerPid(Path instanceDir) {
        try {
            return Long.parseLong(instanceDir.getFileName().toString().replaceFirst("^jvm-", ""));
        } catch (NumberFormatException e) {
            return -1; // not one of ours
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
