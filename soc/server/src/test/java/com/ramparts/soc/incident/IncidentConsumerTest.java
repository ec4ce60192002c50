package com.ramparts.soc.incident;

import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.alert.AlertMessages;
import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Alerts published to the real broker become incidents: grouped, repeats counted, duplicates ignored, drills apart. */
class IncidentConsumerTest extends IncidentTestContext {

    @Test
    void alertsOnTheTopicBecomeOneIncidentPerGroup() {
        String site = "site-k-" + System.nanoTime();
        Instant t0 = Instant.now().minusSeconds(3600);
        List<AlertMessage> alerts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            alerts.add(Alerts.alert("brute-force", 4, site, "unit-a", t0.plusSeconds(i)));
        }
        alerts.add(alerts.get(7)); // redelivered: the same id
        alerts.add(Alerts.alert("port-scan", 2, site, "unit-a", t0));
        alerts.add(Alerts.drill("brute-force", 4, site, "unit-a", t0.plusSeconds(3), "drill-7"));
        alerts.add(Alerts.drill("brute-force", 4, site, "unit-a", t0.plusSeconds(4), "drill-7"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(ALERTS_TOPIC, site, "not an alert".getBytes(StandardCharsets.UTF_8)));
            for (AlertMessage alert : alerts) {
                producer.send(new ProducerRecord<>(ALERTS_TOPIC, site, AlertMessages.json(alert)));
            }
            // one partition: once this one is filed, everything before it has been
            producer.send(new ProducerRecord<>(ALERTS_TOPIC, "marker", AlertMessages.json(
                    Alerts.alert("marker-rule", 1, site + "-marker", "unit-a", t0))));
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                incidents.list(new IncidentFilter(null, null, site + "-marker", null, 0, 1)).total() == 1);

        List<Incident> filed = incidents.list(new IncidentFilter(null, null, site, null, 0, 50)).items();
        assertThat(filed).hasSize(3);
        Incident bruteForce = filed.stream().filter(i -> i.exerciseId() == null && i.severity() == 4).findFirst().orElseThrow();
        assertThat(bruteForce.alertCount()).isEqualTo(200);
        assertThat(bruteForce.suppressedCount()).isEqualTo(199);
        assertThat(filed).filteredOn(i -> "drill-7".equals(i.exerciseId())).singleElement()
                .satisfies(drill -> assertThat(drill.alertCount()).isEqualTo(2));
        assertThat(filed).filteredOn(i -> i.severity() == 2).singleElement()
                .satisfies(scan -> assertThat(scan.alertCount()).isEqualTo(1));
    }
}
