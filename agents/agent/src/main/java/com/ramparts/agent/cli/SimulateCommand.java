package com.ramparts.agent.cli;

import com.ramparts.agent.simulate.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate --sites N --eps E [--seed S] --kafka HOST:PORT}: a city in miniature shipping to
 * Kafka until SIGTERM (or {@code --duration}). Exit status: 0 stopped, 2 usage error, 3 start-up failure.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run N virtual sites whose firewall, IDS, antivirus and backup write real product output"
                + " through the real parsers, spool and shipper.")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sites", required = true, paramLabel = "N", description = "how many sites (1-2000)")
    private int sites;

    @Option(names = "--eps", defaultValue = "50", paramLabel = "E",
            description = "events per second of the whole city, the mean over a day (default: ${DEFAULT-VALUE})")
    private double eps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "the same seed, the same lines (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--kafka", defaultValue = "127.0.0.1:9092", paramLabel = "HOST:PORT",
            description = "the broker (default: ${DEFAULT-VALUE}, the appliance's own listener)")
    private String bootstrap;

    @Option(names = "--topic", defaultValue = "telemetry.events", paramLabel = "TOPIC",
            description = "where to write; {site} stands for the site id (default: ${DEFAULT-VALUE})")
    private String topic;

    @Option(names = "--data", defaultValue = "simulation", paramLabel = "DIR",
            description = "where the sites keep their spools and checkpoints (default: ./${DEFAULT-VALUE})")
    private Path data;

    @Option(names = "--flat", description = "no daily rhythm: exactly --eps all day (for load tests)")
    private boolean flat;

    @Option(names = "--spool-mib", defaultValue = "64", paramLabel = "MIB",
            description = "each site's spool, MiB (default: ${DEFAULT-VALUE}); size it for the longest outage to ride out")
    private long spoolMib;

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long (ISO-8601, e.g. PT10M); default: until SIGTERM")
    private Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Simulation simulation;
        try {
            simulation = Simulation.start(new Simulation.Options(sites, eps, seed, bootstrap, topic, data.toAbsolutePath(), flat,
                            spoolMib << 20),
                    Clock.systemUTC(), AgentCli.Version.current());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("the simulation cannot start: " + e.getMessage());
            err.flush();
            return AgentCli.STARTUP_FAILED;
        }
        out.println("simulating " + sites + " site(s) at " + eps + " events/s to " + bootstrap + " (" + topic + ")");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            simulation.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration != null && !stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            simulation.close();
            out.println("shipped " + simulation.shipped() + " events");
            out.flush();
            return 0;
        }
        stopped.await();
        return 0;
    }
}
