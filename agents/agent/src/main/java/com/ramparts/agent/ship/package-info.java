/**
 * The Kafka sink: reads events from the spool and sends them to {@code telemetry.events}, keyed by
 * site id, with an idempotent producer (acks=all, compression, bounded in flight). The spool's
 * cursor advances only over records Kafka acknowledged, in spool order; when Kafka is down or
 * refuses, the shipper rewinds to the cursor and retries with exponential backoff, so nothing is
 * ever dropped here. TLS client authentication is plain producer configuration; with enrolled
 * credentials ({@link com.ramparts.agent.ship.EnrolledTls}) they are read again for every new
 * producer, and {@link com.ramparts.agent.ship.KafkaShipper#reconnect()} makes one after a renewal.
 *
 * <p>Depends on kafka-clients, the spool and the enroll package's credential store.
 */
package com.ramparts.agent.ship;
