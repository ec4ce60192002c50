package com.ramparts.agent.health;

import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.spool.SpoolStats;
import com.ramparts.agent.ship.ShipperStats;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's own input: every {@code interval} (and once at start-up) it yields one {@code metric}
 * event about the agent (version, uptime, host facts, spool depth, shipping) and one {@code state}
 * event per input (its counters, when it last read a record, and whether it is silent: quiet for
 * longer than its {@code silent_after}). They travel like any event, so they are spooled while
 * the link is down and the SOC sees the history afterwards.
 *
 * <p>Fields outside ECS live under {@code ramparts_agent.*}.
 */
public final class Heartbeat implements Input {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    /** One input the heartbeat reports on. */
    public record Watched(InputCounters counters, String format, Duration silentAfter) {
    }

    private final String id;
    private final String agentId;
    private final String version;
    private final Duration interval;
    private final List<Watched> inputs;
    private final Supplier<SpoolStats> spool;
    private final Supplier<ShipperStats> shipper;
    private final HostFacts host;
    private final Instant startedAt = Instant.now();
    private long nextBeatNanos;

    public Heartbeat(String id, String agentId, String version, Duration interval, List<Watched> inputs,
                     Supplier<SpoolStats> spool, Supplier<ShipperStats> shipper, HostFacts host) {
        this.id = id;
        this.agentId = agentId;
        this.version = version;
        this.interval = interval;
        this.inputs = List.copyOf(inputs);
        this.spool = spool;
        this.shipper = shipper;
        this.host = host;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean replayable() {
        return false;
    }

    @Override
    public void start(String state) {
        nextBeatNanos = System.nanoTime();
    }

    @Override
    public List<InputRecord> poll(int maxRecords, Duration maxWait) throws InterruptedException {
        long wait = nextBeatNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, maxWait.toNanos()));
            return List.of();
        }
        nextBeatNanos = System.nanoTime() + interval.toNanos();
        return beat(Instant.now());
    }

    /** The heartbeat events for this moment. */
    public List<InputRecord> beat(Instant now) {
        List<InputRecord> records = new ArrayList<>();
        SpoolStats s = spool.get();
        ShipperStats k = shipper.get();
        TelemetryEvent.Builder agent = base(now, Ecs.Kind.METRIC, "ramparts.agent", "heartbeat")
                .put("process.pid", ProcessHandle.current().pid())
                .put("process.uptime", Duration.between(startedAt, now).toSeconds())
                .put("host.hostname", host.hostname())
                .put("host.name", host.hostname())
                .put("host.os.type", host.osType())
                .put("host.os.name", host.osName())
                .put("host.os.kernel", host.osVersion())
                .put("host.architecture", host.architecture())
                .put("ramparts_agent.host.cpu_count", host.cpuCount())
                .put("ramparts_agent.host.memory_bytes", host.memoryBytes())
                .put("ramparts_agent.jvm.heap_used_bytes",
                        Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                .put("ramparts_agent.spool.pending", s.pendingRecords())
                .put("ramparts_agent.spool.bytes", s.bytes())
                .put("ramparts_agent.spool.segments", s.segments())
                .put("ramparts_agent.spool.dropped", s.dropped())
                .put("ramparts_agent.spool.corrupt", s.corrupt())
                .put("ramparts_agent.spool.blocked_appends", s.blockedAppends())
                .put("ramparts_agent.shipper.shipped", k.shipped())
                .put("ramparts_agent.shipper.failures", k.failures())
                .put("ramparts_agent.shipper.in_flight", k.inFlight());
        if (k.lastAckAt() != null) {
            agent.put("ramparts_agent.shipper.last_ack", k.lastAckAt().toString());
        }
        if (k.lastError() != null) {
            agent.put("ramparts_agent.shipper.last_error", k.lastError());
        }
        records.add(new InputRecord.Ready(agent));
        StringBuilder silent = new StringBuilder();
        for (Watched input : inputs) {
            InputCounters.Snapshot c = input.counters().snapshot();
            Instant since = c.lastRecordAt() == null ? startedAt : c.lastRecordAt();
            long quietSeconds = Math.max(0, Duration.between(since, now).toSeconds());
            boolean isSilent = quietSeconds >= input.silentAfter().toSeconds();
            if (isSilent) {
                silent.append(silent.isEmpty() ? "" : ",").append(c.inputId());
            }
            TelemetryEvent.Builder state = base(now, Ecs.Kind.STATE, "ramparts.agent.input", "input_health")
                    .put("ramparts_agent.input.id", c.inputId())
                    .put("ramparts_agent.input.type", c.type())
                    .put("ramparts_agent.input.format", input.format())
                    .put("ramparts_agent.input.read", c.read())
                    .put("ramparts_agent.input.parsed", c.parsed())
                    .put("ramparts_agent.input.failed", c.failed())
                    .put("ramparts_agent.input.spooled", c.spooled())
                    .put("ramparts_agent.input.shipped", c.shipped())
                    .put("ramparts_agent.input.dropped", c.dropped())
                    .put("ramparts_agent.input.truncated", c.truncated())
                    .put("ramparts_agent.input.silent_seconds", quietSeconds)
                    .put("ramparts_agent.input.status", isSilent ? "silent" : "active");
            if (c.lastRecordAt() != null) {
                state.put("ramparts_agent.input.last_record", c.lastRecordAt().toString());
            }
            records.add(new InputRecord.Ready(state));
        }
        log.info("event=heartbeat spool_pending={} spool_bytes={} shipped={} ship_failures={} silent_inputs=[{}]",
                s.pendingRecords(), s.bytes(), k.shipped(), k.failures(), silent);
        return records;
    }

    private TelemetryEvent.Builder base(Instant now, String kind, String dataset, String action) {
        return TelemetryEvent.builder()
                .timestamp(now)
                .put(Ecs.EVENT_KIND, kind)
                .put(Ecs.EVENT_DATASET, dataset)
                .put(Ecs.EVENT_MODULE, "ramparts")
                .put(Ecs.EVENT_ACTION, action)
                .put("agent.id", agentId)
                .put("agent.name", agentId)
                .put("agent.type", "ramparts-agent")
                .put("agent.version", version);
    }

    @Override
    public String state() {
        return null;
    }

    @Override
    public void close() {
        // nothing held
    }
}
