package com.ramparts.pki.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * An act to record.
 *
 * @param action what happened, dotted, e.g. {@code request.approved}
 * @param actor who did it (user or token name, or {@code system})
 * @param source where from: the client's address, or {@code local}
 * @param target what it was done to, e.g. a request id or a certificate serial
 * @param details further facts; stored as a JSON object with sorted keys
 */
public record AuditEvent(String action, String actor, String source, String target, Map<String, String> details) {

    public AuditEvent {
        details = details == null ? Map.of() : new TreeMap<>(details);
        target = target == null ? "" : target;
        source = source == null ? "local" : source;
        actor = actor == null ? "unknown" : actor;
    }

    public static AuditEvent of(String action, AuditActor who, String target, Map<String, String> details) {
        return new AuditEvent(action, who.name(), who.source(), target, details);
    }
}
