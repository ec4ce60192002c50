/**
 * The append-only audit log: every security-relevant act is an {@link com.ramparts.pki.audit.AuditEntry}
 * hash-chained to the one before it ({@link com.ramparts.pki.audit.AuditHash}), appended by
 * {@link com.ramparts.pki.audit.AuditLog} in the transaction of the act, serialized by a lock row.
 * {@link com.ramparts.pki.audit.AuditCheckpoints} has the CA sign the head periodically;
 * {@link com.ramparts.pki.audit.AuditVerifier} (plain JDBC, used by {@code pki audit verify}) names any
 * edited, deleted or reordered entry; {@link com.ramparts.pki.audit.AuditPublisher} drains the log to
 * Kafka topic {@code pki.audit} through an outbox cursor. May depend on {@code ca}, {@code config},
 * {@code issuance} and {@code revocation} events, {@code x509}.
 */
package com.ramparts.pki.audit;
