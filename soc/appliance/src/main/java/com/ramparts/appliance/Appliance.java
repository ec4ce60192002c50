package com.ramparts.appliance;

import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.process.PidFile;
import com.ramparts.runtime.process.ProcessSpec;
import com.ramparts.runtime.process.Processes;
import com.ramparts.runtime.secrets.AdminCredentials;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the appliance's parts up in order (Kafka, OpenSearch, pki, soc), down in reverse, and
 * reports on them. Parts are remembered in pid files, so every command works from any shell.
 */
final class Appliance {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;
    static final int NOT_ALL_HEALTHY = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final ApplianceConfig config;
    private final Layout layout;
    private final Messages messages;
    private final PrintStream out;
    private final List<Part> parts;
    private final KafkaBrokerPart kafka;

    Appliance(ApplianceConfig config, Layout layout, Messages messages, PrintStream out) {
        this(config, layout, messages, out, 0);
    }

    /** @param demoSites simulated sites to run with the appliance (0: none, unless already running) */
    Appliance(ApplianceConfig config, Layout layout, Messages messages, PrintStream out, int demoSites) {
        this.config = config;
        this.layout = layout;
        this.messages = messages;
        this.out = out;
        this.kafka = new KafkaBrokerPart(config, layout);
        List<Part> all = new ArrayList<>(List.of(kafka, new OpenSearchPart(config, layout),
                SpringServicePart.pki(config, layout), SpringServicePart.soc(config, layout)));
        if (demoSites > 0 || new PidFile(layout.pidFile(DemoSitesPart.NAME)).liveProcess().isPresent()) {
            all.add(new DemoSitesPart(config, layout, demoSites));
        }
        this.parts = List.copyOf(all);
    }

    /** Lets a site's certificate write its own topic (creating it), or takes that right away. */
    int siteAccess(List<String> sites, boolean allow) {
        try (var admin = SiteAccess.admin(kafka.endpoint())) {
            for (String site : sites) {
                try {
                    if (allow) {
                        SiteAccess.allow(admin, site, 1);
                        out.println(messages.get("site.allowed", site, SiteAccess.topic(site)));
                    } else {
                        SiteAccess.deny(admin, site);
                        out.println(messages.get("site.denied", site));
                    }
                } catch (RuntimeException e) {
                    out.println(messages.get("site.failed", site, e.getMessage()));
                    return FAILED;
                }
            }
        }
        return OK;
    }

    List<Part> parts() {
        return parts;
    }

    int up() {
        try (LauncherLock lock = lock()) {
            if (lock == null) {
                out.println(messages.get("up.locked", layout.data()));
                return REFUSED;
            }
            out.println(messages.get("up.checking", layout.home(), layout.data()));
            Map<Part, ProcessHandle> running = new LinkedHashMap<>();
            List<Part> toStart = new ArrayList<>();
            for (Part part : parts) {
                Optional<ProcessHandle> live = pidFile(part).liveProcess();
                live.ifPresentOrElse(p -> running.put(part, p), () -> toStart.add(part));
            }
            Optional<String> conflict = portConflict(toStart);
            if (conflict.isPresent()) {
                out.println(conflict.get());
                return REFUSED;
            }
            AdminCredentials.Loaded admin = AdminCredentials.loadOrCreate(layout.adminCredentials());
            for (Part part : parts) {
                if (running.containsKey(part)) {
                    out.println(messages.get("up.already", part.name(), Long.toString(running.get(part).pid())));
                } else if (!(part instanceof DemoSitesPart)) {
                    start(part, running);
                }
            }
            out.println(messages.get("up.waiting", Long.toString(config.startupTimeout().toSeconds())));
            long deadline = System.nanoTime() + config.startupTimeout().toNanos();
            for (Part part : parts) {
                if (!running.containsKey(part)) {
                    start(part, running); // the demo sites: only once soc is healthy, so their topic exists
                }
                Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
                part.awaitHealthy(running.get(part), left);
                out.println(messages.get("up.healthy", part.name()));
            }
            out.println(messages.get("up.done"));
            printEndpoints();
            out.println(admin.created()
                    ? messages.get("up.admin-first", admin.credentials().username(), admin.credentials().password(), layout.adminCredentials())
                    : messages.get("up.admin-again", layout.adminCredentials()));
            return OK;
        } catch (ApplianceConfig.ConfigException e) {
            out.println(messages.get("config.invalid", e.getMessage()));
            return REFUSED;
        } catch (RuntimeException e) {
            out.println(messages.get("up.failed", e.getMessage(), layout.logs()));
            return FAILED;
        } catch (IOException e) {
            out.println(messages.get("up.failed", e.getMessage(), layout.logs()));
            return FAILED;
        }
    }

    private void start(Part part, Map<Part, ProcessHandle> running) throws IOException {
        ProcessSpec spec = part.prepare();
        ProcessHandle process = Processes.startDetached(spec).toHandle();
        pidFile(part).write(process);
        running.put(part, process);
        out.println(messages.get("up.starting", part.name(), Long.toString(process.pid()), spec.logFile()));
    }

    int down() {
        try (LauncherLock lock = lock()) {
            if (lock == null) {
                out.println(messages.get("up.locked", layout.data()));
                return REFUSED;
            }
            for (Part part : parts.reversed()) {
                PidFile pidFile = pidFile(part);
                Optional<ProcessHandle> live = pidFile.liveProcess();
                if (live.isEmpty()) {
                    out.println(messages.get("down.not-running", part.name()));
                    pidFile.delete();
                    continue;
                }
                out.println(messages.get("down.stopping", part.name(), Long.toString(live.get().pid())));
                boolean clean = Processes.stopTree(live.get(), STOP_GRACE);
                pidFile.delete();
                out.println(clean ? messages.get("down.stopped", part.name()) : messages.get("down.killed", part.name(), Long.toString(STOP_GRACE.toSeconds())));
            }
            out.println(messages.get("down.done"));
            return OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int status() {
        out.println(messages.get("status.header"));
        boolean allHealthy = true;
        for (Part part : parts) {
            Optional<ProcessHandle> live = pidFile(part).liveProcess();
            String state;
            if (live.isEmpty()) {
                state = messages.get("status.stopped");
                allHealthy = false;
            } else if (part.healthy()) {
                state = messages.get("status.healthy");
            } else {
                state = messages.get("status.unhealthy");
                allHealthy = false;
            }
            out.println(messages.get("status.row", pad(part.name(), 10), pad(state, 10),
                    pad(live.map(p -> Long.toString(p.pid())).orElse("-"), 7), part.endpoint()));
        }
        return allHealthy ? OK : NOT_ALL_HEALTHY;
    }

    int logs(List<String> names, int lines) {
        List<Part> chosen = new ArrayList<>();
        for (String name : names) {
            Optional<Part> part = parts.stream().filter(p -> p.name().equals(name)).findFirst();
            if (part.isEmpty()) {
                out.println(messages.get("logs.unknown", name, parts.stream().map(Part::name).toList()));
                return REFUSED;
            }
            chosen.add(part.get());
        }
        for (Part part : chosen.isEmpty() ? parts : chosen) {
            var file = layout.logFile(part.name());
            if (!Files.exists(file)) {
                out.println(messages.get("logs.none", part.name(), file));
                continue;
            }
            out.println("==> " + file + " <==");
            out.println(Processes.tail(file, lines));
        }
        return OK;
    }

    private void printEndpoints() {
        for (Part part : parts.reversed()) {
            out.println(messages.get("urls." + part.name(), part.endpoint()));
        }
        kafka.agentsEndpoint().ifPresent(endpoint -> out.println(messages.get("urls.kafka-agents", endpoint)));
    }

    private Optional<String> portConflict(List<Part> toStart) {
        for (Part part : toStart) {
            for (var port : new java.util.TreeMap<>(part.ports()).entrySet()) {
                if (!Ports.isFree(config.bindInetAddress(), port.getValue())) {
                    return Optional.of(messages.get("up.port-in-use", Integer.toString(port.getValue()), config.bindAddress(),
                            part.title(), port.getKey(), layout.configFile(), ApplianceConfig.envName(port.getKey())));
                }
            }
        }
        return Optional.empty();
    }

    private PidFile pidFile(Part part) {
        return new PidFile(layout.pidFile(part.name()));
    }

    /** The lock file held open while a launcher works on a data directory. */
    private record LauncherLock(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close(); // releases the lock with it
        }
    }

    /** One launcher at a time per data directory; null if another holds it. */
    private LauncherLock lock() throws IOException {
        Files.createDirectories(layout.run());
        FileChannel channel = FileChannel.open(layout.run().resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return null;
        }
        return new LauncherLock(channel);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
