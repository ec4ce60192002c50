package com.ramparts.pki.audit;

import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.issuance.CertificateIssued;
import com.ramparts.pki.revocation.RevocationChanged;
import com.ramparts.pki.revocation.RevocationReason;
import com.ramparts.pki.x509.SerialNumbers;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the service's own events into audit entries. Issuance and revocation events arrive inside
 * their transaction, so the entry commits with the act or not at all.
 */
class AuditListeners {

    private final AuditLog log;
    private final AuditCheckpoints checkpoints;
    private final PkiProperties properties;

    AuditListeners(AuditLog log, AuditCheckpoints checkpoints, PkiProperties properties) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @EventListener
    public void issued(CertificateIssued event) {
        var record = event.record();
        log.append(new AuditEvent("certificate.issued", record.requestedBy(), AuditActor.currentSource(),
                SerialNumbers.hex(record.serialNumber()), Map.of("profile", record.profile(), "ca", record.caName(),
                "subject", record.subject(), "keyUse", "ca:" + record.caName() + " signed certificate")));
    }

    @EventListener
    public void revoked(RevocationChanged event) {
        String action = switch (event.reason()) {
            case certificateHold -> "certificate.held";
            case removeFromCRL -> "certificate.released";
            default -> "certificate.revoked";
        };
        log.append(new AuditEvent(action, event.actor() == null ? AuditActor.current().name() : event.actor(), AuditActor.currentSource(),
                SerialNumbers.hex(event.serialNumber()), Map.of("ca", event.caName(), "reason", reasonName(event.reason()))));
    }

    @EventListener
    public void loggedIn(AuthenticationSuccessEvent event) {
        log.append(new AuditEvent("login.success", event.getAuthentication().getName(), source(event.getAuthentication().getDetails()),
                "", Map.of("method", "basic")));
    }

    @EventListener
    public void loginFailed(AbstractAuthenticationFailureEvent event) {
        log.append(new AuditEvent("login.failure", String.valueOf(event.getAuthentication().getName()),
                source(event.getAuthentication().getDetails()), "",
                Map.of("method", "basic", "reason", event.getException().getClass().getSimpleName())));
    }

    /** Records the configuration the service starts with, and whether it changed since the last start. */
    @EventListener
    public void started(ApplicationReadyEvent event) {
        String fingerprint = AuditHash.sha256Hex(properties.toString().getBytes(StandardCharsets.UTF_8));
        String previous = log.last("service.started").map(AuditEntry::details).orElse(null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("configurationSha256", fingerprint);
        details.put("configurationChanged", String.valueOf(previous == null || !previous.contains(fingerprint)));
        details.put("cas", String.join(",", properties.cas().keySet()));
        details.put("profiles", String.join(",", properties.profiles().keySet()));
        log.append(new AuditEvent("service.started", AuditActor.SYSTEM.name(), AuditActor.SYSTEM.source(), "pki", details));
        if (checkpoints.signer().isEmpty()) {
            log.append(new AuditEvent("audit.checkpoints_skipped", AuditActor.SYSTEM.name(), AuditActor.SYSTEM.source(), "pki",
                    Map.of("reason", "no CA is configured to sign checkpoints")));
        }
    }

    private static String reasonName(RevocationReason reason) {
        return reason.name();
    }

    private static String source(Object details) {
        return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : AuditActor.currentSource();
    }
}
