package com.ramparts.appliance;

import com.ramparts.runtime.process.PidFile;
import com.ramparts.runtime.process.ProcessSpec;
import com.ramparts.runtime.process.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./ramparts up --demo-sites N}: N simulated sites ({@code ramparts-agent simulate}) shipping
 * real-format telemetry through the agent's own parsers, spools and shippers into the appliance's
 * broker, so a new user sees a living dashboard. They are appliance-internal, so they use the
 * plaintext listener and the shared topic like soc does; real sites use the TLS listener.
 */
final class DemoSitesPart implements Part {

    static final String NAME = "demo-sites";
    /** Events per second per simulated site, the mean over a day. */
    static final int EVENTS_PER_SITE = 5;
    private static final String STARTED = "simulating ";

    private final ApplianceConfig config;
    private final Layout layout;
    private final int sites;

    /** @param sites how many to start; 0 for the ones already running (their number is read back) */
    DemoSitesPart(ApplianceConfig config, Layout layout, int sites) {
        this.config = config;
        this.layout = layout;
        this.sites = sites > 0 ? sites : runningSites(layout);
    }

    private static Path countFile(Layout layout) {
        return layout.data().resolve(NAME).resolve("sites");
    }

    private static int runningSites(Layout layout) {
        try {
            return Integer.parseInt(Files.readString(countFile(layout), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return 0; // unknown: shown as such
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "simulated demo sites";
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of();
    }

    @Override
    public ProcessSpec prepare() {
        if (sites < 1) {
            throw new IllegalStateException("how many demo sites to start is unknown; run ./ramparts up --demo-sites N");
        }
        Path jar = layout.agentJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build first: ./mvnw -DskipTests package");
        }
        Path dir = layout.data().resolve(NAME);
        try {
            Files.createDirectories(dir);
            Files.writeString(countFile(layout), Integer.toString(sites), StandardCharsets.US_ASCII);
            Files.deleteIfExists(layout.logFile(NAME)); // awaitHealthy looks for this start's line
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        return new ProcessSpec(NAME, List.of(SpringServicePart.java(), "-Xmx" + heapMegabytes() + "m",
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "simulate",
                "--sites", Integer.toString(sites), "--eps", Integer.toString(sites * EVENTS_PER_SITE),
                "--seed", "1", "--kafka", config.connectAddress() + ":" + config.kafkaPort(),
                "--topic", "telemetry.events", "--data", dir.toString()),
                dir, Map.of(), layout.logFile(NAME));
    }

    /** Each site has a producer, a spool and a few threads: about 2 MB of heap each, 64 MB at least. */
    private int heapMegabytes() {
        return Math.max(64, Math.min(2048, 32 + 2 * sites));
    }

    @Override
    public boolean healthy() {
        return new PidFile(layout.pidFile(NAME)).liveProcess().isPresent();
    }

    @Override
    public void awaitHealthy(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = layout.logFile(NAME);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(title() + " exited during start-up; the end of " + log + ":\n"
                        + Processes.tail(log, 30));
            }
            if (started(log)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + title(), e);
            }
        }
        throw new IllegalStateException(title() + " did not start within " + timeout.toSeconds() + " s; the end of "
                + log + ":\n" + Processes.tail(log, 30));
    }

    private static boolean started(Path log) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(STARTED);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String endpoint() {
        return sites + " site(s) -> telemetry.events";
    }
}
