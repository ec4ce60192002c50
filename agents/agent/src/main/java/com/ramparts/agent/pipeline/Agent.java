package com.ramparts.agent.pipeline;

import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.CommandInputConfig;
import com.ramparts.agent.config.ConfigLoader;
import com.ramparts.agent.config.FileInputConfig;
import com.ramparts.agent.config.InputConfig;
import com.ramparts.agent.config.SyslogInputConfig;
import com.ramparts.agent.enroll.CredentialStore;
import com.ramparts.agent.enroll.Enroller;
import com.ramparts.agent.enroll.EstClient;
import com.ramparts.agent.enroll.Renewer;
import com.ramparts.agent.health.Heartbeat;
import com.ramparts.agent.health.HostFacts;
import com.ramparts.agent.health.InputCounters;
import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.command.CommandInput;
import com.ramparts.agent.input.file.FileTailInput;
import com.ramparts.agent.input.syslog.SyslogInput;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.agent.pipeline.InputWorker.WorkerOptions;
import com.ramparts.agent.ship.EnrolledTls;
import com.ramparts.agent.ship.KafkaShipper;
import com.ramparts.agent.ship.ShipperOptions;
import com.ramparts.agent.spool.Spool;
import com.ramparts.telemetry.json.TelemetryJson;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: the spool, one worker thread per input (plus the heartbeat), the shipper and
 * the spool flusher, wired from an {@link AgentConfig}.
 *
 * <p>{@link #close()} is the graceful shutdown (SIGTERM): inputs stop and checkpoint what they
 * spooled, the shipper gets a few seconds for what is in flight and persists the cursor, the
 * spool is forced and closed. Nothing here interrupts a thread: an interrupt would close the
 * spool's file channels under an appending thread.
 */
public final class Agent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    private static final long INPUT_STOP_MILLIS = 10_000;

    private final AgentConfig config;
    private final Spool spool;
    private final KafkaShipper shipper;
    private final Map<String, InputCounters> counters;
    private final List<InputWorker> workers;
    private final List<Thread> workerThreads = new ArrayList<>();
    private final Thread shipperThread;
    private final Thread flusherThread;
    private final Map<String, Input> inputs;
    private final Renewer renewer;
    private final Thread renewerThread;
    private volatile boolean closed;

    private Agent(AgentConfig config, Spool spool, KafkaShipper shipper, Map<String, InputCounters> counters,
                  Map<String, Input> inputs, List<InputWorker> workers) {
        this.config = config;
        this.spool = spool;
        this.shipper = shipper;
        this.counters = counters;
        this.inputs = inputs;
        this.workers = workers;
        this.shipperThread = Thread.ofPlatform().name("shipper").unstarted(shipper);
        this.flusherThread = Thread.ofPlatform().daemon().name("spool-flusher").unstarted(this::flushPeriodically);
        this.renewer = config.enrolment().map(e -> {
            CredentialStore store = new CredentialStore(e.dir());
            return new Renewer(new Enroller(new EstClient(e.pki()), store), store, renewed -> shipper.reconnect(),
                    Clock.systemUTC());
        }).orElse(null);
        this.renewerThread = renewer == null ? null
                : Thread.ofPlatform().daemon().name("certificate-renewer").unstarted(renewer);
    }

    /**
     * Builds and starts an agent.
     *
     * @param parsers a parser for a format name, null if the name is unknown
     * @param version reported by the heartbeat
     * @throws IOException if the spool or the checkpoint directory cannot be opened
     */
    public static Agent start(AgentConfig config, Function<String, RecordParser> parsers, String version)
            throws IOException {
        return start(config, parsers, version, Agent::builtInInput);
    }

    /** Makes the {@link Input} of one configured input; the simulator supplies generated ones. */
    @FunctionalInterface
    public interface InputFactory {
        Input create(InputConfig config, InputCounters counters);
    }

    /** The inputs the configuration names: file, syslog, command. */
    public static Input builtInInput(InputConfig inputConfig, InputCounters counters) {
        return switch (inputConfig) {
            case FileInputConfig file -> new FileTailInput(file);
            case SyslogInputConfig syslog -> new SyslogInput(syslog, counters::dropped);
            case CommandInputConfig command -> new CommandInput(command);
        };
    }

    /**
     * Builds and starts an agent whose inputs come from {@code inputFactory}.
     *
     * @throws IOException if the spool or the checkpoint directory cannot be opened
     */
    public static Agent start(AgentConfig config, Function<String, RecordParser> parsers, String version,
                              InputFactory inputFactory) throws IOException {
        TelemetryJson json = new TelemetryJson();
        int maxPayload = json.limits().maxDocumentBytes();
        Map<String, InputCounters> counters = new ConcurrentHashMap<>(); // the spool and the shipper update it too
        for (InputConfig input : config.inputs()) {
            counters.put(input.id(), new InputCounters(input.id(), input.type()));
        }
        counters.put(AgentConfig.HEARTBEAT_INPUT_ID, new InputCounters(AgentConfig.HEARTBEAT_INPUT_ID, "heartbeat"));
        Spool spool = Spool.open(config.spool().toOptions(maxPayload + 1024),
                (inputId, dropped) -> count(counters, inputId).dropped(dropped));
        try {
            CheckpointStore checkpoints = new FileCheckpointStore(config.dataDir().resolve("checkpoints"));
            KafkaShipper shipper = new KafkaShipper(spool, ShipperOptions.of(config),
                    (inputId, shipped) -> count(counters, inputId).shipped(shipped),
                    config.enrolment().<Supplier<Map<String, Object>>>map(e -> new EnrolledTls(
                            new CredentialStore(e.dir()), e.verifyHostname())).orElse(Map::of));
            Map<String, Input> inputs = new LinkedHashMap<>();
            List<InputWorker> workers = new ArrayList<>();
            List<Heartbeat.Watched> watched = new ArrayList<>();
            for (InputConfig inputConfig : config.inputs()) {
                RecordParser parser = parsers.apply(inputConfig.format());
                if (parser == null) {
                    throw new IllegalArgumentException("input " + inputConfig.id() + ": no parser for format '"
                            + inputConfig.format() + "'");
                }
                InputCounters inputCounters = counters.get(inputConfig.id());
                Input input = inputFactory.create(inputConfig, inputCounters);
                inputs.put(input.id(), input);
                workers.add(new InputWorker(input, parser, stamper(config, input.id(), inputConfig.format(), json,
                        maxPayload), spool, checkpoints, inputCounters, WorkerOptions.DEFAULTS));
                watched.add(new Heartbeat.Watched(inputCounters, inputConfig.format(), inputConfig.silentAfter()));
            }
            Heartbeat heartbeat = new Heartbeat(AgentConfig.HEARTBEAT_INPUT_ID, config.agentId(), version,
                    config.heartbeatInterval(), watched, spool::stats, shipper::stats, HostFacts.current());
            workers.add(new InputWorker(heartbeat, null, stamper(config, heartbeat.id(), "heartbeat", json, maxPayload),
                    spool, checkpoints, counters.get(heartbeat.id()), WorkerOptions.DEFAULTS));
            Agent agent = new Agent(config, spool, shipper, counters, inputs, workers);
            agent.startThreads();
            return agent;
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    private static EventStamper stamper(AgentConfig config, String inputId, String format, TelemetryJson json,
                                        int maxPayload) {
        return new EventStamper(config.agentId(), config.siteId(), config.unitId(), inputId, format, json, maxPayload);
    }

    private static InputCounters count(Map<String, InputCounters> counters, String inputId) {
        // records of an input removed from the configuration may still be in the spool
        return counters.computeIfAbsent(inputId, id -> new InputCounters(id, "removed"));
    }

    private void startThreads() {
        for (InputWorker worker : workers) {
            worker.tryOpen(); // a file opened now is followed through a rotation that happens right after start
        }
        for (InputWorker worker : workers) {
            workerThreads.add(Thread.ofPlatform().name("input-" + worker.inputId()).start(worker));
        }
        shipperThread.start();
        flusherThread.start();
        if (renewerThread != null) {
            renewerThread.start();
        }
        log.info("event=agent_started agent={} site={} inputs={} spool={} kafka={} topic={}", config.agentId(),
                config.siteId(), inputs.keySet(), config.spool().dir(), config.kafka().bootstrapServers(),
                config.kafka().topic());
    }

    private void flushPeriodically() {
        long pause = Math.max(10, config.spool().fsyncInterval().toMillis() / 2);
        while (!closed) {
            try {
                spool.forceIfDue();
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (IOException e) {
                log.error("event=spool_force_failed error=\"{}\"", e.toString());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public Spool spool() {
        return spool;
    }

    /** The certificate renewer, when the agent ships with enrolled credentials. */
    public java.util.Optional<Renewer> renewer() {
        return java.util.Optional.ofNullable(renewer);
    }

    public KafkaShipper shipper() {
        return shipper;
    }

    /** The counters of an input (or of {@code heartbeat}). */
    public InputCounters counters(String inputId) {
        return counters.get(inputId);
    }

    /** A started input, e.g. to ask a syslog input for its bound port. */
    public Input input(String inputId) {
        return inputs.get(inputId);
    }

    /** The graceful shutdown; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("event=agent_stopping");
        if (renewer != null) {
            renewer.stop();
        }
        workers.forEach(InputWorker::stop);
        join(workerThreads, INPUT_STOP_MILLIS); // the shipper still runs, so a full spool can still drain
        shipper.stop();
        join(List.of(shipperThread), 15_000);
        try {
            spool.close(); // also wakes inputs still waiting for space: their batches are replayed or counted
        } catch (IOException e) {
            log.error("event=spool_close_failed error=\"{}\"", e.toString());
        }
        join(workerThreads, 2_000);
        log.info("event=agent_stopped spool_pending={}", spool.stats().pendingRecords());
    }

    private static void join(List<Thread> threads, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
