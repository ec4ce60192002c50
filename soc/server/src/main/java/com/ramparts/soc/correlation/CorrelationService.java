package com.ramparts.soc.correlation;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.indicators.IndicatorCatalog;
import com.ramparts.soc.correlation.rules.RuleCatalog;
import com.ramparts.soc.correlation.stream.CorrelationEngine;
import com.ramparts.soc.ingest.WireTopics;
import com.ramparts.soc.site.SiteRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the correlator with soc: loads the rules, watches the rules directory, and starts the Kafka
 * Streams instance once the wire topics exist (on its own thread, so soc starts while Kafka is
 * away). Off when {@code ramparts.soc.correlation.enabled=false}.
 */
@Component
public class CorrelationService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CorrelationService.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final long RETRY_MS = 2_000;

    private final SocProperties properties;
    private final RuleCatalog catalog;
    private final IndicatorCatalog indicators;
    private final SiteRegistry sites;
    private final CorrelationMetrics metrics;
    private ScheduledExecutorService scheduler;
    private CorrelationEngine engine;
    private Thread starter;

    CorrelationService(SocProperties properties, RuleCatalog catalog, IndicatorCatalog indicators, SiteRegistry sites,
            CorrelationMetrics metrics) {
        this.properties = properties;
        this.catalog = catalog;
        this.indicators = indicators;
        this.sites = sites;
        this.metrics = metrics;
    }

    /** Whether the streams instance is running (it may be rebalancing). */
    public boolean isCorrelating() {
        CorrelationEngine current = engine;
        return current != null && current.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public synchronized void start() {
        if (engine != null) {
            return;
        }
        SocProperties.Correlation correlation = properties.correlation();
        catalog.reload();
        indicators.reload();
        sites.refresh();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ramparts-rules-watch").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::watch, correlation.reloadInterval().toMillis(),
                correlation.reloadInterval().toMillis(), TimeUnit.MILLISECONDS);
        Path stateDir = correlation.stateDir() != null ? correlation.stateDir() : properties.dataDir().resolve("correlation");
        SocProperties.Kafka kafka = properties.kafka();
        engine = new CorrelationEngine(new CorrelationEngine.Settings(kafka.bootstrapServers(), correlation.applicationId(),
                kafka.topics().events().name(), kafka.topics().alerts().name(), stateDir, kafka.replicationFactor(),
                correlation.streamThreads(), correlation.punctuationInterval(), correlation.allowedLateness(),
                correlation.streams()), catalog::current, indicators::indicators, SiteDirectory.of(sites), metrics, Clock.systemUTC());
        CorrelationEngine starting = engine;
        starter = Thread.ofPlatform().name("ramparts-correlator-start").start(() -> startWhenKafkaAnswers(starting));
    }

    private void startWhenKafkaAnswers(CorrelationEngine starting) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                new WireTopics(properties.kafka()).ensure();
                starting.start();
                return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("The correlator cannot start yet ({}); retrying in {} ms", e.getMessage(), RETRY_MS);
                try {
                    Thread.sleep(RETRY_MS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void watch() {
        try {
            catalog.reloadIfChanged();
            indicators.reloadIfChanged(); // a broken list file is reported by the catalog; the others load
            if (!properties.ingest().enabled()) {
                sites.refresh(); // otherwise the indexer keeps the registry fresh
            }
        } catch (RuntimeException e) {
            log.warn("Checking the rules directory failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (engine == null) {
            return;
        }
        starter.interrupt();
        try {
            starter.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
        engine.close(STOP_TIMEOUT);
        engine = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return engine != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.correlation().enabled();
    }
}
