package com.ramparts.pki.est;

import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.x509.SerialNumbers;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The decisions of EST: who may enrol for which site. Issuance itself is {@link IssuanceService#issue};
 * this class only adds who is asking.
 */
public class EstEnrolment {

    private final IssuanceService issuance;
    private final EnrolmentTokens tokens;
    private final CertificateInventory inventory;
    private final TransactionTemplate transaction;
    private final String profile;
    private final int csrMaxBytes;
    private final Clock clock;

    public EstEnrolment(IssuanceService issuance, EnrolmentTokens tokens, CertificateInventory inventory, TransactionTemplate transaction,
                        String profile, int csrMaxBytes, Clock clock) {
        this.issuance = issuance;
        this.tokens = tokens;
        this.inventory = inventory;
        this.transaction = transaction;
        this.profile = profile;
        this.csrMaxBytes = csrMaxBytes;
        this.clock = clock;
    }

    /** First enrolment: the token must be unspent and unexpired, and the request must name the token's site. */
    public IssuedCertificate enrol(String token, byte[] csr) {
        Instant now = clock.instant();
        EnrolmentToken allows = tokens.find(token).filter(t -> t.usableAt(now))
                .orElseThrow(() -> new EstRefusal(401, "the enrolment token is unknown, already used or expired"));
        ParsedCsr parsed = CertificationRequests.parse(csr, csrMaxBytes);
        String commonName = commonName(parsed);
        if (!allows.siteId().equals(commonName)) {
            throw new EstRefusal(403, "the enrolment token is for site " + allows.siteId() + ", the request names " + commonName);
        }
        return transaction.execute(status -> {
            if (!tokens.spend(token, now)) { // spent by a concurrent request since the check above
                throw new EstRefusal(401, "the enrolment token is unknown, already used or expired");
            }
            IssuedCertificate issued = issuance.issue(new IssuanceRequest(csr, profile, null, "est:" + allows.agentId()));
            tokens.recordCertificate(token, SerialNumbers.hex(issued.record().serialNumber()));
            return issued;
        });
    }

    /**
     * Re-enrolment with the current certificate (RFC 7030 4.2.2): it must be one we issued with the
     * EST profile, still valid and not revoked, and the request must keep its subject and names.
     */
    public IssuedCertificate reenrol(X509CertificateHolder current, byte[] csr) {
        CertificateRecord record = inventory.find(current.getSerialNumber())
                .filter(r -> Arrays.equals(r.der(), encoded(current)))
                .orElseThrow(() -> new EstRefusal(403, "the client certificate was not issued by this service"));
        Instant now = clock.instant();
        if (record.status() != CertificateStatus.VALID || !now.isBefore(record.notAfter()) || !profile.equals(record.profile())) {
            throw new EstRefusal(403, "the client certificate is revoked, expired or not an " + profile + " certificate");
        }
        ParsedCsr parsed = CertificationRequests.parse(csr, csrMaxBytes);
        if (!parsed.subject().equals(current.getSubject())
                || !Set.copyOf(parsed.subjectAlternativeNames()).equals(Set.copyOf(alternativeNames(current)))) {
            throw new EstRefusal(403, "a re-enrolment request must keep the subject and names of the current certificate");
        }
        return issuance.issue(new IssuanceRequest(csr, profile, record.caName(),
                "est:reenrol:" + SerialNumbers.hex(record.serialNumber())));
    }

    private static String commonName(ParsedCsr csr) {
        RDN[] names = csr.subject().getRDNs(BCStyle.CN);
        return names.length == 1 && names[0].getFirst().getValue() instanceof ASN1String text ? text.getString() : null;
    }

    private static List<GeneralName> alternativeNames(X509CertificateHolder certificate) {
        Extension san = certificate.getExtension(Extension.subjectAlternativeName);
        return san == null ? List.of() : List.of(GeneralNames.getInstance(san.getParsedValue()).getNames());
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
