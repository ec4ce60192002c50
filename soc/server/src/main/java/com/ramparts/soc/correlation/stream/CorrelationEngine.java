package com.ramparts.soc.correlation.stream;

import com.ramparts.detection.correlation.CorrelatorOptions;
import com.ramparts.detection.ioc.IndicatorSet;
import com.ramparts.soc.correlation.CorrelationMetrics;
import com.ramparts.soc.correlation.SiteDirectory;
import com.ramparts.soc.correlation.rules.Rules;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** One Kafka Streams instance of the correlator. Instances with the same application id share the partitions. */
public final class CorrelationEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CorrelationEngine.class);

    /**
     * @param replicationFactor of the changelog topics (1 on the appliance's single broker)
     * @param streams           extra Kafka Streams settings, applied last
     */
    public record Settings(String bootstrapServers, String applicationId, String eventsTopic, String alertsTopic,
            Path stateDir, short replicationFactor, int threads, Duration punctuationInterval,
            Duration allowedLateness, Map<String, String> streams) {

        public Settings {
            streams = Map.copyOf(streams);
        }
    }

    private final Settings settings;
    private final Supplier<Rules> rules;
    private final Supplier<IndicatorSet> indicators;
    private final SiteDirectory sites;
    private final CorrelationMetrics metrics;
    private final Clock clock;
    private KafkaStreams streams;

    public CorrelationEngine(Settings settings, Supplier<Rules> rules, SiteDirectory sites, CorrelationMetrics metrics,
            Clock clock) {
        this(settings, rules, () -> IndicatorSet.EMPTY, sites, metrics, clock);
    }

    /** @param indicators the current IOC lists (see {@code correlation.indicators.IndicatorCatalog}) */
    public CorrelationEngine(Settings settings, Supplier<Rules> rules, Supplier<IndicatorSet> indicators, SiteDirectory sites,
            CorrelationMetrics metrics, Clock clock) {
        this.settings = settings;
        this.rules = rules;
        this.indicators = indicators;
        this.sites = sites;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Starts the streams instance; the events topic must exist. */
    public synchronized void start() throws InterruptedException {
        if (streams != null) {
            return;
        }
        int partitions = partitions();
        CorrelatorOptions options = new CorrelatorOptions(settings.allowedLateness(),
                CorrelatorOptions.DEFAULT.maxEntriesPerGroup(), CorrelatorOptions.DEFAULT.maxEventIdsPerAlert());
        streams = new KafkaStreams(CorrelationTopology.build(settings.eventsTopic(), settings.alertsTopic(), partitions,
                rules, indicators, sites, metrics, clock, settings.punctuationInterval(), options), properties());
        streams.setUncaughtExceptionHandler(e -> {
            log.error("A correlator thread failed; replacing it (its tasks resume from the last commit)", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
    }

    public synchronized KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    /** The running instance, for tests and health. */
    public synchronized KafkaStreams streams() {
        return streams;
    }

    public synchronized void close(Duration timeout) {
        if (streams != null) {
            streams.close(timeout);
            streams = null;
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    Properties properties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        properties.putAll(settings.streams());
        return properties;
    }

    private int partitions() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            return admin.describeTopics(List.of(settings.eventsTopic())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(settings.eventsTopic()).partitions().size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + settings.eventsTopic() + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not describe " + settings.eventsTopic() + " within 30 s", e);
        }
    }
}
