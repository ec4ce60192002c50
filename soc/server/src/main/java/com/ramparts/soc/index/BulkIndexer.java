package com.ramparts.soc.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events to OpenSearch with {@code _bulk} requests of at most {@code maxBytes} each (a single
 * larger document goes alone), and does not return until every document has a final answer:
 * created, duplicate (409: already indexed under its {@code _id}) or refused (any other 4xx, e.g. a
 * value the mapping rejects). Documents answered 429 or 5xx, and whole requests that fail, are retried
 * after an exponential backoff, without limit: while OpenSearch is away the caller simply waits.
 *
 * <p>The JDK HttpClient sends the body as built, so each event's JSON goes to OpenSearch as the bytes
 * that arrived from Kafka, never re-serialised (see docs/soc-ingest.md). Not thread-safe: one per
 * indexing thread.
 */
public final class BulkIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexer.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI bulkUri;
    private final int maxBytes;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final HttpClient http;
    private final BulkBody body;
    private final Timer latency;
    private final Counter created;
    private final Counter duplicates;
    private final Counter refused;
    private final Counter retried;
    private final MeterRegistry registry;

    public BulkIndexer(URI openSearch, int maxBytes, Duration initialBackoff, Duration maxBackoff, MeterRegistry registry) {
        this.bulkUri = openSearch.resolve("/_bulk");
        this.maxBytes = maxBytes;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.body = new BulkBody(Math.min(maxBytes, 1 << 20));
        this.registry = registry;
        this.latency = Timer.builder("ramparts.index.bulk.latency").description("time for one _bulk request")
                .publishPercentileHistogram().register(registry);
        this.created = documents("created");
        this.duplicates = documents("duplicate");
        this.refused = documents("refused");
        this.retried = documents("retried");
    }

    private Counter documents(String result) {
        return Counter.builder("ramparts.index.documents").description("documents sent to OpenSearch, by result")
                .tag("result", result).register(registry);
    }

    /**
     * Indexes every document, retrying what OpenSearch could not take yet.
     *
     * @throws IndexingAbortedException when {@code pause} says the caller is stopping
     */
    public BulkOutcome index(List<BulkDocument> documents, RetryPause pause) {
        Backoff backoff = new Backoff(initialBackoff, maxBackoff);
        List<BulkDocument> pending = documents;
        int createdCount = 0;
        int duplicateCount = 0;
        List<BulkOutcome.Refusal> refusals = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<BulkDocument> retry = new ArrayList<>();
            int next = 0;
            while (next < pending.size()) {
                int start = next;
                body.clear();
                do {
                    body.add(pending.get(next++));
                } while (next < pending.size() && body.length() + BulkBody.sizeOf(pending.get(next)) <= maxBytes);
                List<BulkDocument> sent = pending.subList(start, next);
                BulkResponse response = send(sent.size());
                if (response == null) {
                    // OpenSearch is away or overloaded: keep this and everything after it for the next round
                    retry.addAll(pending.subList(start, pending.size()));
                    break;
                }
                for (int i = 0; i < sent.size(); i++) {
                    BulkResponse.Item item = response.items().get(i);
                    int status = item.status();
                    if (status >= 200 && status < 300) {
                        createdCount++;
                    } else if (status == 409) {
                        duplicateCount++;
                    } else if (status == 429 || status >= 500) {
                        retry.add(sent.get(i));
                    } else {
                        refusals.add(new BulkOutcome.Refusal(sent.get(i).ref(), status,
                                item.error() == null ? "HTTP " + status : item.error()));
                    }
                }
            }
            if (!retry.isEmpty()) {
                retried.increment(retry.size());
                Duration wait = backoff.next();
                log.debug("{} of {} documents to retry in {}", retry.size(), pending.size(), wait);
                if (!pause.pause(wait)) {
                    throw new IndexingAbortedException(retry.size());
                }
            } else {
                backoff.reset();
            }
            pending = retry;
        }
        created.increment(createdCount);
        duplicates.increment(duplicateCount);
        refused.increment(refusals.size());
        return new BulkOutcome(createdCount, duplicateCount, refusals);
    }

    /** The parsed answer to the current body, or null when the request as a whole must be retried. */
    private BulkResponse send(int documentCount) {
        HttpRequest request = HttpRequest.newBuilder(bulkUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.buffer(), 0, body.length()))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latency.record(Duration.ofNanos(System.nanoTime() - started));
            if (response.statusCode() != 200) {
                // 429 and 5xx are OpenSearch saying "later"; any other status means a broken request,
                // which we log loudly and retry rather than lose events
                (response.statusCode() == 429 || response.statusCode() >= 500 ? log.atWarn() : log.atError())
                        .log("OpenSearch answered _bulk with HTTP {}: {}", response.statusCode(), excerpt(response.body()));
                return null;
            }
            BulkResponse parsed = BulkResponse.parse(response.body());
            if (parsed.items().size() != documentCount) {
                log.error("OpenSearch answered {} items for {} documents; retrying the request",
                        parsed.items().size(), documentCount);
                return null;
            }
            return parsed;
        } catch (IOException e) {
            log.warn("OpenSearch _bulk request to {} failed: {}", bulkUri, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexingAbortedException(documentCount);
        } catch (RuntimeException e) {
            log.error("unreadable _bulk response from {}: {}", bulkUri, e.toString());
            return null;
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return text.replace('\n', ' ');
    }

    @Override
    public void close() {
        http.close();
    }
}
