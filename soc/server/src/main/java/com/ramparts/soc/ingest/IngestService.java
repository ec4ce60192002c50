package com.ramparts.soc.ingest;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.index.BulkIndexer;
import com.ramparts.soc.index.EventIndices;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.telemetry.json.TelemetryJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.ramparts.soc.lifecycle.LoopThread;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Starts the indexer with the application and stops it cleanly: a batch in flight is abandoned
 * uncommitted, never half-committed. Off when {@code ramparts.soc.ingest.enabled=false}. Start-up
 * work that needs Kafka or OpenSearch (topics, template) happens on the indexer's thread, so soc
 * starts, and reports itself unhealthy, while they are away.
 */
@Component
public class IngestService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final SocProperties properties;
    private final EventIndices indices;
    private final SiteRegistry sites;
    private final MeterRegistry registry;
    private final IngestMetrics metrics;
    private volatile IngestLoop loop;
    private BulkIndexer indexer;
    private LoopThread running;

    IngestService(SocProperties properties, EventIndices indices, SiteRegistry sites, MeterRegistry registry) {
        this.properties = properties;
        this.indices = indices;
        this.sites = sites;
        this.registry = registry;
        this.metrics = new IngestMetrics(registry);
    }

    /** Whether the indexer is consuming: topics exist, the template is applied, the consumer has subscribed. */
    public boolean isConsuming() {
        IngestLoop current = loop;
        return current != null && current.ready();
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        SocProperties.Ingest ingest = properties.ingest();
        TelemetryJson json = new TelemetryJson();
        indexer = new BulkIndexer(properties.openSearch().url(), (int) ingest.bulkMaxBytes().toBytes(),
                ingest.retryInitialBackoff(), ingest.retryMaxBackoff(), registry);
        loop = new IngestLoop(properties, indices, sites, new EventDecoder(json),
                new SiteEnricher(sites, json, metrics::unregisteredSite), metrics, indexer);
        running = LoopThread.start("ramparts-ingest", loop);
    }

    @Override
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        if (!running.stop(STOP_GRACE)) {
            log.warn("The indexer did not stop within {} s; it was interrupted", STOP_GRACE.toSeconds());
        }
        indexer.close();
        running = null;
        loop = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.ingest().enabled();
    }
}
