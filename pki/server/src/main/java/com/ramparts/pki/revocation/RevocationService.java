package com.ramparts.pki.revocation;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.x509.SerialNumbers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Revokes, suspends and releases certificates. Allowed moves: VALID to REVOKED or ON_HOLD,
 * ON_HOLD to REVOKED (any permanent reason) or back to VALID (reason removeFromCRL); anything else
 * is a conflict and changes nothing.
 */
public class RevocationService {

    private final CertificateInventory inventory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RevocationService(CertificateInventory inventory, ApplicationEventPublisher events, Clock clock) {
        this.inventory = inventory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies a reason to a certificate: certificateHold suspends, removeFromCRL releases a hold,
     * anything else revokes permanently.
     */
    @Transactional
    public CertificateRecord revoke(BigInteger serialNumber, RevocationReason reason, String actor) {
        CertificateRecord current = inventory.find(serialNumber)
                .orElseThrow(() -> new PkiException(PkiError.CERTIFICATE_NOT_FOUND, "serial", SerialNumbers.hex(serialNumber)));
        String serial = SerialNumbers.hex(serialNumber);
        if (!reason.appliesToEndEntities()) {
            throw new PkiException(PkiError.REVOCATION_REASON_NOT_FOR_END_ENTITY, "reason", reason.name());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean changed;
        if (reason == RevocationReason.removeFromCRL) {
            if (current.status() != CertificateStatus.ON_HOLD) {
                throw new PkiException(PkiError.REVOCATION_NOT_ON_HOLD, "serial", serial, current.status().name());
            }
            changed = inventory.changeStatus(serialNumber, CertificateStatus.ON_HOLD, CertificateStatus.VALID, null, null, null);
        } else {
            CertificateStatus next = reason == RevocationReason.certificateHold ? CertificateStatus.ON_HOLD : CertificateStatus.REVOKED;
            if (current.status() == CertificateStatus.REVOKED || current.status() == next) {
                throw new PkiException(PkiError.REVOCATION_ALREADY_REVOKED, "serial", serial, current.status().name());
            }
            changed = inventory.changeStatus(serialNumber, current.status(), next, now, reason.code(), actor);
        }
        if (!changed) { // someone else changed it between our read and our update
            CertificateStatus latest = inventory.find(serialNumber).map(CertificateRecord::status).orElse(current.status());
            throw new PkiException(PkiError.REVOCATION_ALREADY_REVOKED, "serial", serial, latest.name());
        }
        events.publishEvent(new RevocationChanged(current.caName(), serialNumber, reason, actor));
        return inventory.find(serialNumber).orElseThrow();
    }
}
