package com.ramparts.agent.ship;

import com.ramparts.agent.spool.Spool;
import com.ramparts.agent.spool.SpoolBatch;
import com.ramparts.agent.spool.SpoolEntry;
import com.ramparts.agent.spool.SpoolPosition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the spool to Kafka, one thread. The loop:
 * <ol>
 *   <li>read records after the last one sent and send them, while fewer than the in-flight bound
 *       are unacknowledged;</li>
 *   <li>acknowledge to the spool the longest prefix of sends Kafka confirmed, in spool order;</li>
 *   <li>on the first failed send: close the producer, rewind to the spool cursor (the first
 *       unacknowledged record), back off, and send from there with a fresh producer. Sends after
 *       the failure may have arrived anyway; sending them again only repeats event ids;</li>
 *   <li>persist the cursor every {@code commitInterval}, which also frees acknowledged segments.</li>
 * </ol>
 */
public final class KafkaShipper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(KafkaShipper.class);
    private static final int READ_BATCH = 500;
    private static final int READ_BYTES = 1 << 20;

    /** Told how many events of each input Kafka acknowledged. */
    @FunctionalInterface
    public interface ShipListener {
        ShipListener NONE = (inputId, count) -> { };

        void shipped(String inputId, long count);
    }

    private final Spool spool;
    private final ShipperOptions options;
    private final ShipListener listener;
    private final Backoff backoff;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Instant lastAckAt;
    private volatile String lastError;
    private volatile int inFlightCount;
    private volatile boolean running = true;
    private volatile boolean reconnect;
    private final Supplier<Map<String, Object>> credentials;
    private Producer<String, byte[]> producer;
    private SpoolPosition readFrom;
    private long inFlightBytes;
    private long lastCommitNanos = System.nanoTime();

    private record InFlight(SpoolEntry entry, Future<RecordMetadata> future) {
    }

    public KafkaShipper(Spool spool, ShipperOptions options, ShipListener listener) {
        this(spool, options, listener, Map::of);
    }

    /**
     * @param credentials producer properties read again for every new producer: the TLS key and
     *                    certificate, which a renewal replaces (see {@link #reconnect()})
     */
    public KafkaShipper(Spool spool, ShipperOptions options, ShipListener listener,
                        Supplier<Map<String, Object>> credentials) {
        this.credentials = credentials;
        this.spool = spool;
        this.options = options;
        this.listener = listener;
        this.backoff = new Backoff(options.firstBackoff(), options.maxBackoff());
    }

    @Override
    public void run() {
        readFrom = spool.cursor();
        log.info("event=shipper_started topic={} key={} from={}", options.topic(), options.key(), readFrom);
        try {
            while (running) {
                try {
                    round();
                } catch (ShipFailure e) {
                    failed(e.getMessage());
                    backoff.pause();
                } catch (RuntimeException e) {
                    failed(e.toString()); // e.g. a producer that cannot be built: bad TLS files
                    backoff.pause();
                } catch (IOException e) {
                    log.error("event=shipper_spool_error error=\"{}\" action=retry_with_backoff", e.toString());
                    backoff.pause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            drainOnStop();
        }
    }

    private void round() throws IOException, InterruptedException, ShipFailure {
        if (reconnect && reconnectWhenIdle()) {
            return;
        }
        if (producer == null) {
            Map<String, Object> properties = options.producerProperties();
            properties.putAll(credentials.get());
            producer = new KafkaProducer<>(properties);
        }
        boolean sent = fill();
        acknowledgeCompleted();
        commitIfDue();
        if (inFlight.isEmpty()) {
            spool.awaitData(readFrom, 200, TimeUnit.MILLISECONDS);
        } else if (!sent || full()) {
            awaitHead(Duration.ofMillis(100));
        }
    }

    /**
     * A renewed certificate: stop sending, let what is in flight be acknowledged, then close the
     * producer so that the next round builds one with the new credentials. Nothing is re-sent.
     *
     * @return true while still waiting for acknowledgements
     */
    private boolean reconnectWhenIdle() throws InterruptedException, ShipFailure {
        if (!inFlight.isEmpty()) {
            awaitHead(Duration.ofMillis(100));
            acknowledgeCompleted();
            return true;
        }
        reconnect = false;
        closeProducer(Duration.ofSeconds(5));
        log.info("event=shipper_reconnecting reason=credentials_renewed");
        return false;
    }

    /** Asks the shipper to reconnect with fresh credentials once what is in flight is acknowledged. */
    public void reconnect() {
        reconnect = true;
    }

    /** Sends what the spool has while the in-flight bounds allow; true if anything was sent. */
    private boolean fill() throws IOException, ShipFailure {
        boolean sent = false;
        while (running && !full()) {
            int room = Math.min(READ_BATCH, options.maxInFlightRecords() - inFlight.size());
            SpoolBatch batch = spool.read(readFrom, room, READ_BYTES);
            readFrom = batch.next();
            if (batch.isEmpty()) {
                break;
            }
            for (SpoolEntry entry : batch.entries()) {
                Future<RecordMetadata> future;
                try {
                    future = producer.send(new ProducerRecord<>(options.topic(), options.key(), entry.payload()));
                } catch (RuntimeException e) {
                    throw new ShipFailure("send failed: " + e);
                }
                failedAlready(future); // e.g. no metadata within max.block.ms: do not wait that long per record
                inFlight.addLast(new InFlight(entry, future));
                inFlightBytes += entry.payload().length;
                sent = true;
            }
            inFlightCount = inFlight.size();
        }
        return sent;
    }

    private static void failedAlready(Future<RecordMetadata> future) throws ShipFailure {
        if (future.isDone()) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new ShipFailure("send failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean full() {
        return inFlight.size() >= options.maxInFlightRecords() || inFlightBytes >= options.maxInFlightBytes();
    }

    private void awaitHead(Duration wait) throws InterruptedException {
        InFlight head = inFlight.peekFirst();
        if (head == null) {
            return;
        }
        try {
            head.future().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // looked at by acknowledgeCompleted
        }
    }

    /** Acknowledges the confirmed prefix; throws at the first failed send. */
    private void acknowledgeCompleted() throws ShipFailure {
        List<SpoolEntry> confirmed = new ArrayList<>();
        ShipFailure failure = null;
        while (!inFlight.isEmpty() && inFlight.peekFirst().future().isDone()) {
            InFlight head = inFlight.peekFirst();
            try {
                head.future().get();
            } catch (ExecutionException e) {
                failure = new ShipFailure("Kafka did not acknowledge: " + e.getCause());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            inFlight.removeFirst();
            inFlightBytes -= head.entry().payload().length;
            confirmed.add(head.entry());
        }
        acknowledge(confirmed);
        if (failure != null) {
            throw failure;
        }
    }

    private void acknowledge(List<SpoolEntry> confirmed) {
        inFlightCount = inFlight.size();
        if (confirmed.isEmpty()) {
            return;
        }
        spool.acknowledge(confirmed);
        Map<String, Long> perInput = new HashMap<>();
        for (SpoolEntry entry : confirmed) {
            perInput.merge(entry.inputId(), 1L, Long::sum);
        }
        perInput.forEach(listener::shipped);
        shipped.addAndGet(confirmed.size());
        lastAckAt = Instant.now();
        if (lastError != null) {
            log.info("event=shipper_recovered shipped_total={}", shipped.get());
            lastError = null;
        }
        backoff.reset();
    }

    private void commitIfDue() throws IOException {
        if (System.nanoTime() - lastCommitNanos >= options.commitInterval().toNanos()) {
            spool.commit();
            lastCommitNanos = System.nanoTime();
        }
    }

    /** Abandons what is in flight and the producer; the next round starts again at the cursor. */
    private void failed(String reason) {
        failures.incrementAndGet();
        if (!reason.equals(lastError)) {
            log.warn("event=shipper_failed reason=\"{}\" pending={} action=retry_in_ms_{}", reason,
                    spool.stats().pendingRecords(), backoff.currentMillis());
        }
        lastError = reason;
        closeProducer(Duration.ZERO);
        acknowledgeDone();
        inFlight.clear();
        inFlightBytes = 0;
        inFlightCount = 0;
        readFrom = spool.cursor();
    }

    /** Acknowledges what completed successfully before the first failure among the abandoned sends. */
    private void acknowledgeDone() {
        try {
            acknowledgeCompleted();
        } catch (ShipFailure e) {
            // expected: that is why we are here
        }
    }

    private void drainOnStop() {
        if (producer != null) {
            closeProducer(Duration.ofSeconds(5)); // waits for in-flight sends to be acknowledged or fail
            acknowledgeDone();
        }
        try {
            spool.commit();
        } catch (IOException e) {
            log.warn("event=shipper_commit_failed error=\"{}\"", e.toString());
        }
        log.info("event=shipper_stopped shipped_total={} unacknowledged={}", shipped.get(), inFlight.size());
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                log.debug("event=producer_close_failed error=\"{}\"", e.toString());
            }
            producer = null;
        }
    }

    /** Asks {@link #run()} to stop; in-flight sends get a few seconds to be acknowledged. */
    public void stop() {
        running = false;
        backoff.cancel();
    }

    public ShipperStats stats() {
        return new ShipperStats(shipped.get(), failures.get(), lastAckAt, lastError, inFlightCount);
    }

    private static final class ShipFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ShipFailure(String message) {
            super(message, null, false, false);
        }
    }
}
