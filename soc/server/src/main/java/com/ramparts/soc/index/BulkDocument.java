package com.ramparts.soc.index;

/**
 * One event to index.
 *
 * @param index  the daily index it belongs in
 * @param id     its {@code _id}: the event id, so a second delivery is refused as a duplicate
 * @param source its JSON, sent as it is
 * @param ref    the caller's handle on it (e.g. its position in a Kafka batch), returned with a refusal
 */
public record BulkDocument(String index, String id, byte[] source, int ref) {
}
