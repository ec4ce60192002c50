package com.ramparts.pki.audit;

import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox drains the chain to a real Kafka broker in order, once per entry, and resumes after its cursor. */
class AuditKafkaTest {

    @Test
    void entriesArePublishedInChainOrderAndTheCursorAdvances() {
        TestKafka kafka = TestKafka.shared();
        String topic = "pki.audit." + UUID.randomUUID();
        kafka.createTopic(topic, 3);
        DataSource db = AuditChainTest.database("h2");
        AuditLog log = AuditChainTest.log(db);
        AuditChainTest.appendSome(log, 30);
        List<JsonNode> received = new ArrayList<>();
        try (AuditPublisher publisher = new AuditPublisher(db, new DataSourceTransactionManager(db), kafka.bootstrapServers(), topic);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            assertThat(publisher.publishPending()).isEqualTo(30);
            assertThat(publisher.publishPending()).isZero(); // the cursor moved: nothing is sent twice
            AuditChainTest.appendSome(log, 5);
            assertThat(publisher.publishPending()).isEqualTo(5);
            assertThat(new JdbcTemplate(db).queryForObject("SELECT last_seq FROM audit_outbox", Long.class)).isEqualTo(35L);

            consumer.subscribe(List.of(topic));
            JsonMapper json = JsonMapper.builder().build();
            while (received.size() < 35) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    assertThat(record.key()).isEqualTo("pki");
                    received.add(json.readTree(record.value()));
                }
            }
        }
        assertThat(received).extracting(node -> node.get("seq").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 35).boxed().toList());
        assertThat(received.get(1).get("prevHash").asString()).isEqualTo(received.get(0).get("hash").asString());
        assertThat(received.get(0).get("details").get("unit").asString()).isEqualTo("Phường Bến Nghé");
    }
}
