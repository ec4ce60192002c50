package com.ramparts.pki.audit;

import java.time.Instant;

/**
 * One entry of the chain.
 *
 * @param seq 1, 2, 3, ... without gaps
 * @param occurredAt millisecond precision
 * @param details a JSON object, exactly as hashed
 * @param prevHash the hash of entry {@code seq - 1} (64 zeros for the first)
 * @param hash SHA-256 over {@link AuditHash#entry} of all the other fields
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String source, String action, String target,
                         String details, String prevHash, String hash) {
}
