package com.ramparts.pki.audit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Drains the log to Kafka (the SOC reads {@code pki.audit}): at least once, in chain order. The
 * {@code audit_outbox} row is a cursor locked FOR UPDATE while a batch is sent, so instances never
 * publish concurrently; it advances only after the broker acknowledged the whole batch, so a crash
 * re-sends (consumers drop duplicates by {@code seq}). Every record has the same key, hence one
 * partition and one order.
 */
public class AuditPublisher implements AutoCloseable {

    static final String KEY = "pki";
    private static final int BATCH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Producer<String, String> producer;
    private final String topic;

    public AuditPublisher(DataSource dataSource, PlatformTransactionManager transactionManager, String bootstrapServers, String topic) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "ramparts-pki-audit"), new StringSerializer(), new StringSerializer());
    }

    /** Sends every entry not yet published; returns how many were sent. */
    public int publishPending() {
        int total = 0;
        int sent;
        do {
            sent = publishBatch();
            total += sent;
        } while (sent == BATCH);
        return total;
    }

    private int publishBatch() {
        Integer sent = transactions.execute(status -> {
            Long cursor = jdbc.queryForObject("SELECT last_seq FROM audit_outbox WHERE id = 1 FOR UPDATE", Long.class);
            List<AuditEntry> batch = jdbc.query("SELECT " + AuditLog.COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq FETCH FIRST "
                    + BATCH + " ROWS ONLY", AuditLog.ENTRY, cursor);
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (AuditEntry entry : batch) {
                acks.add(producer.send(new ProducerRecord<>(topic, KEY, json(entry))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while publishing the audit log", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Kafka refused audit entries: " + e.getCause().getMessage(), e.getCause());
                }
            }
            jdbc.update("UPDATE audit_outbox SET last_seq = ? WHERE id = 1", batch.getLast().seq());
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    /** The record value: the entry with its details as an object. */
    static String json(AuditEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", entry.seq());
        node.put("@timestamp", entry.occurredAt().toString());
        node.put("actor", entry.actor());
        node.put("source", entry.source());
        node.put("action", entry.action());
        node.put("target", entry.target());
        JsonNode details = JSON.readTree(entry.details());
        node.set("details", details);
        node.put("prevHash", entry.prevHash());
        node.put("hash", entry.hash());
        return JSON.writeValueAsString(node);
    }

    @Override
    public void close() {
        producer.close();
    }
}
