package com.ramparts.soc.ingest;

import com.ramparts.soc.config.SocProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the wire-contract topics that do not exist yet (the appliance broker does not auto-create).
 * Idempotent, and safe when several soc instances race: "already exists" counts as done. Existing
 * topics are left as they are.
 */
public final class WireTopics {

    private static final Logger log = LoggerFactory.getLogger(WireTopics.class);
    private static final int TIMEOUT_MS = 10_000;

    /** A dead letter is the original record plus headers; room for a full 1 MiB event and them. */
    static final int DEAD_LETTER_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final SocProperties.Kafka kafka;

    public WireTopics(SocProperties.Kafka kafka) {
        this.kafka = kafka;
    }

    /** @return the topics this call created */
    public List<String> ensure() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "ramparts-soc-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS))) {
            Set<String> existing = get(admin.listTopics().names());
            List<NewTopic> missing = new ArrayList<>();
            for (SocProperties.Topic topic : kafka.topics().all()) {
                if (!existing.contains(topic.name())) {
                    missing.add(newTopic(topic));
                }
            }
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
                try {
                    get(result.getValue());
                    created.add(result.getKey());
                } catch (IllegalStateException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (!created.isEmpty()) {
                log.info("Created Kafka topics {}", created);
            }
            return created;
        }
    }

    private NewTopic newTopic(SocProperties.Topic topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
        if (topic.name().equals(kafka.topics().deadLetter().name())) {
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(DEAD_LETTER_MAX_MESSAGE_BYTES));
        }
        return new NewTopic(topic.name(), topic.partitions(), kafka.replicationFactor()).configs(configs);
    }

    private static <T> T get(KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_MS + " ms", e);
        }
    }
}
