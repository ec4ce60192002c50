package com.ramparts.soc.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that cannot be indexed, with where it came from and why.
 *
 * @param record    the original record: its key and value go to the dead-letter topic unchanged
 * @param rejection why
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record, Rejection rejection) {
}
