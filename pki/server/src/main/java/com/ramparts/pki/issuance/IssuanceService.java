package com.ramparts.pki.issuance;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.profile.CertificateContent;
import com.ramparts.pki.profile.CertificateProfile;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.x509.SerialNumbers;
import org.bouncycastle.asn1.x500.style.RFC4519Style;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Issues certificates: every interface that hands out certificates calls {@link #issue}. */
public class IssuanceService {

    private static final int SERIAL_ATTEMPTS = 3;

    private final CertificateAuthorities cas;
    private final Profiles profiles;
    private final CertificateInventory inventory;
    private final PublicationPoints points;
    private final int csrMaxBytes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public IssuanceService(CertificateAuthorities cas, Profiles profiles, CertificateInventory inventory, PublicationPoints points,
                           int csrMaxBytes, Clock clock) {
        this(cas, profiles, inventory, points, csrMaxBytes, clock, event -> { });
    }

    /** @param events receives a {@link CertificateIssued} inside the issuing transaction (the audit log appends its entry there) */
    public IssuanceService(CertificateAuthorities cas, Profiles profiles, CertificateInventory inventory, PublicationPoints points,
                           int csrMaxBytes, Clock clock, ApplicationEventPublisher events) {
        this.cas = cas;
        this.profiles = profiles;
        this.inventory = inventory;
        this.points = points;
        this.csrMaxBytes = csrMaxBytes;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Checks the request against its profile, signs a certificate and records it. Nothing is written
     * unless the certificate is issued.
     *
     * @throws PkiException naming the field and rule when the request is refused
     */
    @Transactional
    public IssuedCertificate issue(IssuanceRequest request) {
        if (request.profile() == null || request.profile().isBlank()) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "profile", "profile");
        }
        profiles.require(request.profile());
        ParsedCsr csr = CertificationRequests.parse(request.csr(), csrMaxBytes);
        return issue(csr, request.profile(), request.ca(), request.requestedBy());
    }

    /**
     * The same path for a request that is not a PKCS#10 (a CMP certificate template, RFC 4211) whose
     * proof of possession the protocol adapter has already checked: everything after the CSR parse.
     */
    @Transactional
    public IssuedCertificate issue(ParsedCsr csr, String profileName, String requestedCa, String requester) {
        if (profileName == null || profileName.isBlank()) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "profile", "profile");
        }
        CertificateProfile profile = profiles.require(profileName);
        IssuanceRequest request = new IssuanceRequest(null, profileName, requestedCa, requester);
        String caName = profile.issuerFor(request.ca());
        CaSigner ca = cas.find(caName).orElseThrow(() -> new PkiException(PkiError.CA_UNAVAILABLE, "ca", caName));
        CertificateContent content = profile.apply(csr);

        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        Instant notAfter = notBefore.plus(profile.validity());
        if (notAfter.isAfter(caEnd)) {
            notAfter = caEnd; // never outlive the issuer
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new PkiException(PkiError.CA_UNAVAILABLE, "ca", caName);
        }
        String requestedBy = request.requestedBy() == null ? "unknown" : truncate(request.requestedBy(), 128);
        for (int attempt = 1; ; attempt++) {
            BigInteger serial = SerialNumbers.random();
            X509CertificateHolder certificate = EndEntityCertificates.build(ca, profile, content, csr.publicKey(), serial,
                    notBefore, notAfter, points);
            CertificateRecord record = new CertificateRecord(serial, caName, profile.name(),
                    RFC4519Style.INSTANCE.toString(content.subject()), notBefore, notAfter, CertificateStatus.VALID, null, null,
                    null, notBefore, requestedBy, sha256Hex(csr), encoded(certificate));
            try {
                inventory.add(record);
                events.publishEvent(new CertificateIssued(record));
                return new IssuedCertificate(record, certificate, ca.chain());
            } catch (DuplicateKeyException collision) {
                if (attempt == SERIAL_ATTEMPTS) { // 127 random bits colliding thrice means the generator is broken
                    throw new IllegalStateException("serial number collided " + SERIAL_ATTEMPTS + " times", collision);
                }
            }
        }
    }

    private static String sha256Hex(ParsedCsr csr) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csr.publicKey().getEncoded()));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
