package com.ramparts.soc.ingest;

import com.ramparts.soc.lifecycle.StoppableLoop;
import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.index.Backoff;
import com.ramparts.soc.index.BulkDocument;
import com.ramparts.soc.index.BulkIndexer;
import com.ramparts.soc.index.BulkOutcome;
import com.ramparts.soc.index.EventIndices;
import com.ramparts.soc.index.IndexNames;
import com.ramparts.soc.index.IndexingAbortedException;
import com.ramparts.soc.index.RetryPause;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.telemetry.event.TelemetryEvent;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The indexer's thread: poll a batch, decode, enrich, index, dead-letter what cannot be indexed, and
 * only then commit the batch's offsets. While a batch is in flight the consumer's partitions are
 * paused and its waits are polls, so it stays in its group without fetching more: a slow or absent
 * OpenSearch slows consumption instead of growing memory. Stopping mid-batch abandons the batch
 * uncommitted; it is redelivered and, being keyed by event id, indexed once.
 */
final class IngestLoop implements StoppableLoop {

    private static final Logger log = LoggerFactory.getLogger(IngestLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SocProperties properties;
    private final EventIndices indices;
    private final SiteRegistry sites;
    private final EventDecoder decoder;
    private final SiteEnricher enricher;
    private final IngestMetrics metrics;
    private final BulkIndexer indexer;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final IndexNames names;

    private volatile boolean ready;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    /** Offsets to commit once the batch in flight is acknowledged; null when none is. */
    private Map<TopicPartition, OffsetAndMetadata> inFlight;

    IngestLoop(SocProperties properties, EventIndices indices, SiteRegistry sites, EventDecoder decoder,
               SiteEnricher enricher, IngestMetrics metrics, BulkIndexer indexer) {
        this.properties = properties;
        this.indices = indices;
        this.sites = sites;
        this.decoder = decoder;
        this.enricher = enricher;
        this.metrics = metrics;
        this.indexer = indexer;
        this.names = indices.names();
    }

    /** Topics exist, the template is applied and the consumer has subscribed. */
    boolean ready() {
        return ready;
    }

    @Override
    public void stop() {
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    @Override
    public void run() {
        try {
            if (!prepare()) {
                return;
            }
            Backoff backoff = new Backoff(properties.ingest().retryInitialBackoff(), properties.ingest().retryMaxBackoff());
            while (!stopped()) {
                try {
                    consume();
                } catch (WakeupException | IndexingAbortedException e) {
                    if (!stopped()) {
                        log.error("Indexing interrupted unexpectedly; starting again", e);
                    }
                } catch (RuntimeException e) {
                    // e.g. a commit that timed out while Kafka was away: the batch was not committed, so
                    // a fresh consumer re-reads it from the last commit
                    Duration wait = backoff.next();
                    log.error("Indexing failed; starting again from the last committed offsets in {}", wait, e);
                    stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ready = false;
            consumer = null;
        }
        log.info("Indexing stopped");
    }

    /** One consumer session: until stopped, or until something fails that a new session may not. */
    private void consume() throws InterruptedException {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig());
             DeadLetterPublisher deadLetters = new DeadLetterPublisher(properties.kafka().bootstrapServers(),
                     properties.kafka().topics().deadLetter().name())) {
            consumer = kafka;
            if (stopped()) {
                return; // stop() may have missed this consumer
            }
            kafka.subscribe(List.of(properties.kafka().topics().events().name()), new Rebalance());
            ready = true;
            log.info("Indexing {} into OpenSearch {} as consumer group {}", properties.kafka().topics().events().name(),
                    properties.openSearch().url(), properties.ingest().consumerGroup());
            Instant sitesRefreshed = Instant.now();
            while (!stopped()) {
                if (Instant.now().isAfter(sitesRefreshed.plus(properties.ingest().siteRefreshInterval()))) {
                    refreshSites();
                    sitesRefreshed = Instant.now();
                }
                ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                updateLag(kafka);
                if (!records.isEmpty()) {
                    process(kafka, records, deadLetters);
                }
            }
        } finally {
            ready = false;
            consumer = null;
            inFlight = null;
        }
    }

    /** Topics, template and sites, retried until they work or we are told to stop. */
    private boolean prepare() throws InterruptedException {
        Backoff backoff = new Backoff(properties.ingest().retryInitialBackoff(), properties.ingest().retryMaxBackoff());
        WireTopics topics = new WireTopics(properties.kafka());
        while (!stopped()) {
            try {
                topics.ensure();
                indices.applyTemplate();
                sites.refresh();
                return true;
            } catch (RuntimeException e) {
                Duration wait = backoff.next();
                log.warn("Cannot start indexing yet (retrying in {}): {}", wait, e.getMessage());
                if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
        }
        return false;
    }

    private void refreshSites() {
        try {
            sites.refresh();
        } catch (RuntimeException e) {
            log.warn("Cannot re-read the site registry; enriching with the previous snapshot: {}", e.getMessage());
        }
    }

    private void process(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> records,
                         DeadLetterPublisher deadLetterPublisher) throws InterruptedException {
        metrics.consumed(records.count());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> indexed = new ArrayList<>(records.count());
        List<BulkDocument> documents = new ArrayList<>(records.count());
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            switch (decoder.decode(record.key(), record.value())) {
                case EventDecoder.Rejected rejected -> deadLetters.add(new DeadLetter(record, rejected.rejection()));
                case EventDecoder.Accepted accepted -> {
                    TelemetryEvent event = accepted.event();
                    documents.add(new BulkDocument(names.indexFor(event), event.id().toString(),
                            enricher.enrich(event, record.value()), indexed.size()));
                    indexed.add(record);
                }
            }
        }
        inFlight = offsets;
        kafka.pause(kafka.assignment());
        try {
            RetryPause pause = wait -> pauseWhileInFlight(kafka, wait);
            BulkOutcome outcome = indexer.index(documents, pause);
            for (BulkOutcome.Refusal refusal : outcome.refused()) {
                deadLetters.add(new DeadLetter(indexed.get(refusal.ref()), new Rejection(Rejection.INDEX_REJECTED,
                        "HTTP " + refusal.status() + " " + refusal.reason())));
            }
            publish(deadLetterPublisher, deadLetters, pause);
            commit(kafka, pause);
        } finally {
            inFlight = null;
            kafka.resume(kafka.paused());
        }
    }

    private void publish(DeadLetterPublisher publisher, List<DeadLetter> deadLetters, RetryPause pause)
            throws InterruptedException {
        Backoff backoff = new Backoff(properties.ingest().retryInitialBackoff(), properties.ingest().retryMaxBackoff());
        while (true) {
            try {
                publisher.publish(deadLetters);
                break;
            } catch (KafkaException e) {
                Duration wait = backoff.next();
                log.warn("Cannot write {} dead letters (retrying in {}): {}", deadLetters.size(), wait, e.getMessage());
                if (!pause.pause(wait)) {
                    throw new IndexingAbortedException(deadLetters.size());
                }
            }
        }
        for (DeadLetter deadLetter : deadLetters) {
            metrics.deadLettered(deadLetter.rejection().reason());
            log.debug("Dead-lettered {}-{}@{}: {}", deadLetter.record().topic(), deadLetter.record().partition(),
                    deadLetter.record().offset(), deadLetter.rejection().detail());
        }
    }

    private void commit(KafkaConsumer<byte[], byte[]> kafka, RetryPause pause) {
        Backoff backoff = new Backoff(properties.ingest().retryInitialBackoff(), properties.ingest().retryMaxBackoff());
        while (!inFlight.isEmpty()) { // empty: every partition was revoked meanwhile; its new owner re-reads it
            try {
                kafka.commitSync(inFlight);
                metrics.committed();
                return;
            } catch (CommitFailedException e) {
                log.info("Batch indexed but not committed (the group rebalanced); its records will be re-read and"
                        + " skipped as duplicates: {}", e.getMessage());
                return;
            } catch (RetriableException e) {
                Duration wait = backoff.next();
                log.warn("Cannot commit offsets yet (retrying in {}): {}", wait, e.getMessage());
                if (!pause.pause(wait)) {
                    throw new IndexingAbortedException(0);
                }
            }
        }
    }

    /** The wait between retries: a poll with every partition paused. */
    private boolean pauseWhileInFlight(KafkaConsumer<byte[], byte[]> kafka, Duration wait) {
        if (stopped()) {
            return false;
        }
        kafka.pause(kafka.assignment());
        ConsumerRecords<byte[], byte[]> unexpected = kafka.poll(wait);
        if (!unexpected.isEmpty()) {
            // should not happen (everything is paused); rewind so these are read again after the batch
            for (TopicPartition partition : unexpected.partitions()) {
                kafka.seek(partition, unexpected.records(partition).getFirst().offset());
            }
        }
        return !stopped();
    }

    private void updateLag(KafkaConsumer<byte[], byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong lag = kafka.currentLag(partition);
            if (lag.isPresent()) {
                total += lag.getAsLong();
            }
        }
        metrics.lag(total);
    }

    private Map<String, Object> consumerConfig() {
        SocProperties.Ingest ingest = properties.ingest();
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, ingest.consumerGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, ingest.consumerGroup() + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ingest.maxPollRecords(),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, (int) Math.max(ingest.bulkMaxBytes().toBytes(), 1 << 20),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    /** Keeps the batch in flight consistent with what this instance still owns. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (inFlight != null) {
                partitions.forEach(inFlight::remove);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            KafkaConsumer<byte[], byte[]> kafka = consumer;
            if (inFlight != null && kafka != null) {
                kafka.pause(partitions);
            }
        }
    }
}
