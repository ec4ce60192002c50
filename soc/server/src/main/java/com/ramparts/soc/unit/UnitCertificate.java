package com.ramparts.soc.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A unit's signing certificate as far as posture cares.
 *
 * @param serial   pki's serial number (hex), null when missing
 * @param notAfter when it ends, null when missing
 */
public record UnitCertificate(CertificateState state, String serial, Instant notAfter) {

    public static final UnitCertificate MISSING = new UnitCertificate(CertificateState.MISSING, null, null);

    public UnitCertificate {
        Objects.requireNonNull(state, "state");
    }

    /** One unit-signing certificate in pki's inventory. */
    public record Issued(String serial, String status, Instant notBefore, Instant notAfter, Instant issuedAt) {
    }

    /**
     * The certificate that speaks for the unit among all it was issued: the usable one that lasts longest; with
     * none usable, the most recently issued (so a revoked seal shows as revoked, an old one as expired).
     */
    public static UnitCertificate choose(List<Issued> issued, Instant now, Duration expiringWithin) {
        record Judged(Issued certificate, CertificateState state) {
        }
        List<Judged> judged = issued.stream()
                .map(c -> new Judged(c, CertificateState.of(c.status(), c.notBefore(), c.notAfter(), now, expiringWithin)))
                .toList();
        return judged.stream().filter(j -> j.state().usable())
                .max(Comparator.comparing((Judged j) -> j.certificate().notAfter()))
                .or(() -> judged.stream().filter(j -> j.state() != CertificateState.MISSING)
                        .max(Comparator.comparing((Judged j) -> j.certificate().issuedAt())))
                .map(j -> new UnitCertificate(j.state(), j.certificate().serial(), j.certificate().notAfter()))
                .orElse(MISSING);
    }

    /**
     * This certificate's state at {@code now}: a seal that was valid at the last sync expires on time even while
     * pki cannot be reached.
     */
    public UnitCertificate at(Instant now, Duration expiringWithin) {
        if (!state.usable() || notAfter == null) {
            return this;
        }
        if (!now.isBefore(notAfter)) {
            return new UnitCertificate(CertificateState.EXPIRED, serial, notAfter);
        }
        return now.plus(expiringWithin).isBefore(notAfter) ? new UnitCertificate(CertificateState.VALID, serial, notAfter)
                : new UnitCertificate(CertificateState.EXPIRING, serial, notAfter);
    }
}
