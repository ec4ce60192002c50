package com.ramparts.soc.correlation;

import com.ramparts.detection.load.RuleLoader;
import com.ramparts.soc.correlation.rules.RuleCatalog;
import com.ramparts.soc.correlation.stream.CorrelationEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A correlator instance in a JVM of its own, for the failover test to kill with SIGKILL:
 * {@code bootstrap applicationId eventsTopic alertsTopic rulesDir stateDir}. Not a test.
 */
public final class CorrelatorInstance {

    /** Short enough that a killed instance's partitions move within seconds. */
    static final Map<String, String> FAST_FAILOVER = Map.of(
            "session.timeout.ms", "6000",
            "heartbeat.interval.ms", "1000",
            "transaction.timeout.ms", "10000");

    private CorrelatorInstance() {
    }

    static CorrelationEngine engine(String bootstrap, String applicationId, String events, String alerts, Path rules,
            Path state) {
        RuleCatalog catalog = new RuleCatalog(rules, RuleLoader.withDefaults());
        catalog.reload();
        return new CorrelationEngine(new CorrelationEngine.Settings(bootstrap, applicationId, events, alerts, state,
                (short) 1, 1, Duration.ofMillis(200), Duration.ofSeconds(1), FAST_FAILOVER), catalog::current,
                SiteDirectory.NONE, new CorrelationMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    }

    public static void main(String[] args) throws InterruptedException {
        CorrelationEngine engine = engine(args[0], args[1], args[2], args[3], Path.of(args[4]), Path.of(args[5]));
        engine.start();
        System.out.println("correlator instance started");
        new CountDownLatch(1).await(); // until killed
    }
}
