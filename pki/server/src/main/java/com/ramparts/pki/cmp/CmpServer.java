package com.ramparts.pki.cmp;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.revocation.RevocationReason;
import com.ramparts.pki.revocation.RevocationService;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.SerialNumbers;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cmp.CMPCertificate;
import org.bouncycastle.asn1.cmp.CertConfirmContent;
import org.bouncycastle.asn1.cmp.CertOrEncCert;
import org.bouncycastle.asn1.cmp.CertRepMessage;
import org.bouncycastle.asn1.cmp.CertResponse;
import org.bouncycastle.asn1.cmp.CertifiedKeyPair;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIHeaderBuilder;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.RevDetails;
import org.bouncycastle.asn1.cmp.RevRepContentBuilder;
import org.bouncycastle.asn1.cmp.RevReqContent;
import org.bouncycastle.asn1.crmf.CertId;
import org.bouncycastle.asn1.crmf.CertReqMessages;
import org.bouncycastle.asn1.crmf.CertReqMsg;
import org.bouncycastle.asn1.crmf.CertTemplate;
import org.bouncycastle.asn1.crmf.ProofOfPossession;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.CertificateConfirmationContent;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.cert.crmf.CertificateRequestMessage;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The decisions of CMP: which protection each request needs and who it authorises, then one
 * issuance or revocation through the core services, and the protected answer. {@link #handle}
 * never throws: every refusal becomes an error message.
 */
class CmpServer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CmpServer.class);

    /** RFC 5280 reasons a certificate holder may give; hold and removeFromCRL are the RA's. */
    private static final Set<RevocationReason> HOLDER_REASONS = Set.of(RevocationReason.unspecified, RevocationReason.keyCompromise,
            RevocationReason.affiliationChanged, RevocationReason.superseded, RevocationReason.cessationOfOperation,
            RevocationReason.privilegeWithdrawn);

    private final CmpSecrets secrets;
    private final CmpTransactions transactions;
    private final IssuanceService issuance;
    private final RevocationService revocation;
    private final CertificateInventory inventory;
    private final Supplier<Optional<CaSigner>> signer;
    private final Supplier<Optional<CaSigner>> ca;
    private final TransactionTemplate transaction;
    private final String profile;
    private final int csrMaxBytes;
    private final int maxMacIterations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param signer the CMP signer (responses to signature-protected requests); empty while no CA is online
     * @param ca the CA that issues {@code profile}; empty while none is online
     */
    CmpServer(CmpSecrets secrets, CmpTransactions transactions, IssuanceService issuance, RevocationService revocation,
              CertificateInventory inventory, Supplier<Optional<CaSigner>> signer, Supplier<Optional<CaSigner>> ca,
              TransactionTemplate transaction, String profile, int csrMaxBytes, int maxMacIterations, Clock clock) {
        this.secrets = secrets;
        this.transactions = transactions;
        this.issuance = issuance;
        this.revocation = revocation;
        this.inventory = inventory;
        this.signer = signer;
        this.ca = ca;
        this.transaction = transaction;
        this.profile = profile;
        this.csrMaxBytes = csrMaxBytes;
        this.maxMacIterations = maxMacIterations;
        this.clock = clock;
    }

    /** The answer to one request: its HTTP status and DER. */
    record Answer(int httpStatus, byte[] der) {
    }

    /** How a request was protected, so that its answer is protected the same way. */
    private record Protection(CmpSecrets.Secret secret, CertificateRecord signerRecord) {
    }

    Answer handle(byte[] der) {
        PKIMessage message;
        try {
            message = decode(der);
        } catch (CmpRefusal refusal) {
            return new Answer(refusal.httpStatus(), unprotectedError(null, refusal));
        }
        PKIHeader header = message.getHeader();
        Protection protection = null;
        try {
            if (header.getTransactionID() == null || header.getTransactionID().getOctets().length == 0
                    || header.getTransactionID().getOctets().length > 64) {
                throw CmpRefusal.badRequest("the header needs a transactionID of 1 to 64 octets");
            }
            if (header.getSenderNonce() == null || header.getSenderNonce().getOctets().length < 16) {
                throw new CmpRefusal(PKIFailureInfo.badSenderNonce, "the header needs a senderNonce of at least 16 octets");
            }
            if (message.getProtection() == null || header.getProtectionAlg() == null) {
                throw CmpRefusal.badMessageCheck("the request is not protected: MAC (-secret) for ir, cr, p10cr; signature (-cert/-key) "
                        + "for kur, rr");
            }
            ProtectedPKIMessage request = new ProtectedPKIMessage(new GeneralPKIMessage(message));
            int type = message.getBody().getType();
            PKIBody body;
            switch (type) {
                case PKIBody.TYPE_INIT_REQ, PKIBody.TYPE_CERT_REQ -> {
                    protection = macProtection(request);
                    body = enrol(request, protection.secret(), type == PKIBody.TYPE_INIT_REQ ? PKIBody.TYPE_INIT_REP : PKIBody.TYPE_CERT_REP);
                }
                case PKIBody.TYPE_P10_CERT_REQ -> {
                    protection = macProtection(request);
                    body = enrolPkcs10(request, protection.secret());
                }
                case PKIBody.TYPE_KEY_UPDATE_REQ -> {
                    protection = signatureProtection(request, false);
                    body = update(request, protection.signerRecord());
                }
                case PKIBody.TYPE_REVOCATION_REQ -> {
                    protection = signatureProtection(request, true);
                    body = revoke(request, protection.signerRecord());
                }
                case PKIBody.TYPE_CERT_CONFIRM -> {
                    CmpTransactions.Transaction waiting = transactions.find(hex(header.getTransactionID()))
                            .orElseThrow(() -> CmpRefusal.badRequest("certConf for an unknown transaction"));
                    protection = waiting.secretReference() != null ? macProtection(request) : signatureProtection(request, false);
                    body = confirm(request, waiting, protection);
                }
                default -> throw CmpRefusal.badRequest("message type " + type + " is not supported: ir, cr, p10cr, kur, rr, certConf");
            }
            return new Answer(200, respond(header, body, protection));
        } catch (CmpRefusal refusal) {
            return new Answer(refusal.httpStatus(), protection == null ? unprotectedError(header, refusal)
                    : respond(header, error(refusal), protection));
        } catch (PkiException e) {
            CmpRefusal refusal = e.error().kind() == PkiError.Kind.UNAVAILABLE ? new CmpRefusal(PKIFailureInfo.systemUnavail, e.getMessage())
                    : new CmpRefusal(PKIFailureInfo.badCertTemplate, e.error().code() + ": " + e.getMessage());
            return new Answer(200, protection == null ? unprotectedError(header, refusal) : respond(header, error(refusal), protection));
        } catch (org.springframework.dao.DuplicateKeyException e) { // the same transactionID raced in twice
            CmpRefusal refusal = new CmpRefusal(PKIFailureInfo.transactionIdInUse, "transactionID already used");
            return new Answer(200, protection == null ? unprotectedError(header, refusal) : respond(header, error(refusal), protection));
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // Bouncy Castle reads the inner structures lazily: a hostile part (a v1 certificate in extraCerts, a body
            // of the wrong shape) surfaces here, after the outer DER parsed
            log.warn("CMP request refused, a part of it cannot be read: {}", e.toString());
            CmpRefusal refusal = new CmpRefusal(PKIFailureInfo.badDataFormat, "a part of the request cannot be read: " + e.getMessage());
            return new Answer(200, protection == null ? unprotectedError(header, refusal) : respond(header, error(refusal), protection));
        }
    }

    /** An unprotected error message for a request refused before it was read (transport, size, content type). */
    Answer refuse(CmpRefusal refusal) {
        return new Answer(refusal.httpStatus(), unprotectedError(null, refusal));
    }

    /** Strict DER, one PKIMessage, no trailing bytes, every part readable. */
    private static PKIMessage decode(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            PKIMessage message = PKIMessage.getInstance(primitive);
            if (message == null || !Arrays.equals(message.getEncoded("DER"), der)) {
                throw new CmpRefusal(PKIFailureInfo.badDataFormat, "the body is not one DER-encoded PKIMessage", 400);
            }
            message.getHeader().getPvno();
            message.getBody().getType();
            return message;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CmpRefusal refusal) {
                throw refusal;
            }
            throw new CmpRefusal(PKIFailureInfo.badDataFormat, "the body is not a DER-encoded PKIMessage", 400);
        }
    }

    private Protection macProtection(ProtectedPKIMessage request) {
        if (!request.hasPasswordBasedMacProtection()) {
            throw CmpRefusal.badMessageCheck("this request must be protected by a PasswordBasedMac with the enrolment secret (-secret, -ref)");
        }
        ASN1OctetString kid = request.getHeader().getSenderKID();
        if (kid == null) {
            throw CmpRefusal.badMessageCheck("a MAC-protected request must name its secret in senderKID (-ref)");
        }
        String reference = new String(kid.getOctets(), StandardCharsets.UTF_8);
        CmpSecrets.Secret secret = secrets.find(reference).orElseThrow(() -> CmpRefusal.badMessageCheck("the MAC does not verify"));
        boolean valid;
        try {
            valid = request.verify(new PKMACBuilder(new JcePKMACValuesCalculator(), maxMacIterations), secret.secret().toCharArray());
        } catch (Exception e) { // unknown OWF/MAC algorithms, iteration counts over the limit, broken parameters
            valid = false;
        }
        if (!valid) {
            throw CmpRefusal.badMessageCheck("the MAC does not verify");
        }
        return new Protection(secret, null);
    }

    /**
     * A signature by a certificate this service issued with the CMP profile (the first of extraCerts),
     * valid now; for rr it may already be on hold.
     */
    private Protection signatureProtection(ProtectedPKIMessage request, boolean forRevocation) {
        if (request.hasPasswordBasedMacProtection()) {
            throw CmpRefusal.badMessageCheck("this request must be signed with the current certificate (-cert, -key)");
        }
        X509CertificateHolder[] certificates = request.getCertificates();
        if (certificates == null || certificates.length == 0) {
            throw CmpRefusal.badMessageCheck("a signed request must carry its signer's certificate first in extraCerts");
        }
        X509CertificateHolder signerCertificate = certificates[0];
        CertificateRecord record = inventory.find(signerCertificate.getSerialNumber()).filter(r -> Arrays.equals(r.der(), encoded(signerCertificate)))
                .orElseThrow(() -> new CmpRefusal(PKIFailureInfo.signerNotTrusted, "the signer certificate was not issued by this service"));
        boolean verified;
        try {
            verified = request.verify(new JcaContentVerifierProviderBuilder().build(signerCertificate));
        } catch (Exception e) {
            verified = false;
        }
        if (!verified) {
            throw CmpRefusal.badMessageCheck("the signature does not verify with the signer certificate");
        }
        Instant now = clock.instant();
        if (record.status() == CertificateStatus.REVOKED || (!forRevocation && record.status() != CertificateStatus.VALID)) {
            throw new CmpRefusal(PKIFailureInfo.certRevoked, "the signer certificate is " + record.status());
        }
        if (!now.isBefore(record.notAfter()) || !profile.equals(record.profile())) {
            throw CmpRefusal.notAuthorized("the signer certificate is expired or not an " + profile + " certificate");
        }
        return new Protection(null, record);
    }

    /** ir, cr: one CRMF request with a signature POP, for the secret's site. */
    private PKIBody enrol(ProtectedPKIMessage request, CmpSecrets.Secret secret, int responseType) {
        CertificateRequestMessage crm = single(request);
        ParsedCsr parsed = template(crm);
        checkSite(parsed, secret);
        IssuedCertificate issued = issueWithSecret(request, secret, () -> issuance.issue(parsed, profile, null, "cmp:" + secret.reference()),
                crm.getCertReqId().intValueExact());
        return certificateResponse(responseType, crm.getCertReqId().intValueExact(), issued);
    }

    /** p10cr: a PKCS#10 request, answered with certReqId -1 (RFC 9483 4.1.4). */
    private PKIBody enrolPkcs10(ProtectedPKIMessage request, CmpSecrets.Secret secret) {
        byte[] csr;
        try {
            csr = request.getBody().getContent().toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new CmpRefusal(PKIFailureInfo.badDataFormat, "the p10cr body cannot be read");
        }
        ParsedCsr parsed = CertificationRequests.parse(csr, csrMaxBytes);
        checkSite(parsed, secret);
        IssuedCertificate issued = issueWithSecret(request, secret, () -> issuance.issue(parsed, profile, null, "cmp:" + secret.reference()), -1);
        return certificateResponse(PKIBody.TYPE_CERT_REP, -1, issued);
    }

    private IssuedCertificate issueWithSecret(ProtectedPKIMessage request, CmpSecrets.Secret secret, Supplier<IssuedCertificate> issue,
                                              int certReqId) {
        Instant now = clock.instant();
        if (!secret.usableAt(now)) {
            throw CmpRefusal.notAuthorized("the enrolment secret is already used or expired");
        }
        String transactionId = hex(request.getHeader().getTransactionID());
        if (transactions.exists(transactionId)) {
            throw new CmpRefusal(PKIFailureInfo.transactionIdInUse, "transactionID already used");
        }
        return transaction.execute(status -> {
            IssuedCertificate issued = issue.get();
            String serial = SerialNumbers.hex(issued.record().serialNumber());
            if (!secrets.spend(secret.reference(), serial, now)) { // spent by a concurrent request since the check above
                throw CmpRefusal.notAuthorized("the enrolment secret is already used or expired");
            }
            transactions.insert(new CmpTransactions.Transaction(transactionId, secret.reference(), null, serial, certReqId, "waiting"), now);
            return issued;
        });
    }

    /** kur: a new key for the signer's certificate, same subject and names. */
    private PKIBody update(ProtectedPKIMessage request, CertificateRecord current) {
        CertificateRequestMessage crm = single(request);
        X509CertificateHolder currentCertificate = holder(current.der());
        ParsedCsr requested = template(crm);
        X500Name subject = requested.subject().getRDNs().length == 0 ? currentCertificate.getSubject() : requested.subject();
        List<GeneralName> currentNames = names(currentCertificate.getExtensions());
        List<GeneralName> names = requested.subjectAlternativeNames().isEmpty() ? currentNames : requested.subjectAlternativeNames();
        if (!subject.equals(currentCertificate.getSubject()) || !Set.copyOf(names).equals(Set.copyOf(currentNames))) {
            throw CmpRefusal.notAuthorized("a key update must keep the subject and names of the current certificate");
        }
        ParsedCsr parsed = new ParsedCsr(subject, requested.publicKey(), requested.keyAlgorithm(), names);
        String transactionId = hex(request.getHeader().getTransactionID());
        if (transactions.exists(transactionId)) {
            throw new CmpRefusal(PKIFailureInfo.transactionIdInUse, "transactionID already used");
        }
        String signerSerial = SerialNumbers.hex(current.serialNumber());
        IssuedCertificate issued = transaction.execute(status -> {
            IssuedCertificate certificate = issuance.issue(parsed, current.profile(), current.caName(), "cmp:kur:" + signerSerial);
            transactions.insert(new CmpTransactions.Transaction(transactionId, null, signerSerial,
                    SerialNumbers.hex(certificate.record().serialNumber()), crm.getCertReqId().intValueExact(), "waiting"), clock.instant());
            return certificate;
        });
        return certificateResponse(PKIBody.TYPE_KEY_UPDATE_REP, crm.getCertReqId().intValueExact(), issued);
    }

    /** rr: the signer revokes its own certificate. */
    private PKIBody revoke(ProtectedPKIMessage request, CertificateRecord signerRecord) {
        RevDetails[] details = RevReqContent.getInstance(request.getBody().getContent()).toRevDetailsArray();
        if (details.length != 1) {
            throw CmpRefusal.badRequest("an rr must ask for exactly one revocation");
        }
        CertTemplate template = details[0].getCertDetails();
        X509CertificateHolder signerCertificate = holder(signerRecord.der());
        if (template.getSerialNumber() == null || !template.getSerialNumber().getValue().equals(signerRecord.serialNumber())
                || (template.getIssuer() != null && !template.getIssuer().equals(signerCertificate.getIssuer()))) {
            throw CmpRefusal.notAuthorized("a certificate may only revoke itself: sign the rr with the certificate named in it");
        }
        RevocationReason reason = reason(details[0].getCrlEntryDetails());
        try {
            revocation.revoke(signerRecord.serialNumber(), reason, "cmp:rr:" + SerialNumbers.hex(signerRecord.serialNumber()));
        } catch (PkiException e) {
            if (e.error() == PkiError.REVOCATION_ALREADY_REVOKED) {
                throw new CmpRefusal(PKIFailureInfo.certRevoked, "the certificate is already revoked");
            }
            throw e;
        }
        return new PKIBody(PKIBody.TYPE_REVOCATION_REP, new RevRepContentBuilder()
                .add(new PKIStatusInfo(PKIStatus.granted), new CertId(new GeneralName(signerCertificate.getIssuer()), signerRecord.serialNumber()))
                .build());
    }

    /** certConf: the hash must be of the certificate issued in this transaction; a rejection revokes it. */
    private PKIBody confirm(ProtectedPKIMessage request, CmpTransactions.Transaction waiting, Protection protection) {
        if (waiting.secretReference() != null && !waiting.secretReference().equals(protection.secret().reference())
                || waiting.signerSerial() != null && !waiting.signerSerial().equals(SerialNumbers.hex(protection.signerRecord().serialNumber()))) {
            throw CmpRefusal.notAuthorized("certConf must be protected like the request of its transaction");
        }
        if (!"waiting".equals(waiting.status())) {
            throw new CmpRefusal(PKIFailureInfo.certConfirmed, "the transaction is already " + waiting.status());
        }
        CertConfirmContent content = CertConfirmContent.getInstance(request.getBody().getContent());
        CertificateConfirmationContent confirmation = new CertificateConfirmationContent(content, new DefaultDigestAlgorithmIdentifierFinder());
        org.bouncycastle.cert.cmp.CertificateStatus[] statuses = confirmation.getStatusMessages();
        if (statuses.length != 1 || statuses[0].getCertRequestID().intValue() != waiting.certReqId()) {
            throw CmpRefusal.badRequest("certConf must confirm exactly the one certificate of the transaction (certReqId "
                    + waiting.certReqId() + ")");
        }
        BigInteger serial = new BigInteger(waiting.certificateSerial(), 16);
        X509CertificateHolder issued = holder(inventory.find(serial).orElseThrow().der());
        boolean hashMatches;
        try {
            hashMatches = statuses[0].isVerified(issued, new JcaDigestCalculatorProviderBuilder().build());
        } catch (Exception e) {
            hashMatches = false;
        }
        if (!hashMatches) {
            throw CmpRefusal.badRequest("certConf's certHash is not the hash of the certificate issued");
        }
        PKIStatusInfo status = statuses[0].getStatusInfo();
        boolean accepted = status == null || status.getStatus().intValue() == PKIStatus.GRANTED
                || status.getStatus().intValue() == PKIStatus.GRANTED_WITH_MODS;
        transaction.executeWithoutResult(tx -> {
            if (!transactions.finish(waiting.id(), accepted ? "confirmed" : "rejected")) {
                throw new CmpRefusal(PKIFailureInfo.certConfirmed, "the transaction was confirmed meanwhile");
            }
            if (!accepted) { // the client will not use it (RFC 9483 4.1.1): it must not stay valid
                revocation.revoke(serial, RevocationReason.cessationOfOperation, "cmp:certConf-rejected");
            }
        });
        return new PKIBody(PKIBody.TYPE_CONFIRM, DERNull.INSTANCE);
    }

    private static CertificateRequestMessage single(ProtectedPKIMessage request) {
        CertReqMsg[] messages = CertReqMessages.getInstance(request.getBody().getContent()).toCertReqMsgArray();
        if (messages.length != 1) {
            throw CmpRefusal.badRequest("a request must hold exactly one certificate request (RFC 9483 4.1.1)");
        }
        return new CertificateRequestMessage(messages[0]);
    }

    /** The template as a request the profile can check, after its signature proof of possession verified. */
    private static ParsedCsr template(CertificateRequestMessage crm) {
        CertTemplate template = crm.getCertTemplate();
        SubjectPublicKeyInfo key = template.getPublicKey();
        if (key == null) {
            throw new CmpRefusal(PKIFailureInfo.badCertTemplate, "the certificate template has no public key");
        }
        KeyAlgorithm algorithm = KeyAlgorithm.of(key).orElseThrow(() -> new CmpRefusal(PKIFailureInfo.badCertTemplate,
                "the key is not supported: " + KeyAlgorithm.describe(key)));
        if (!crm.hasProofOfPossession() || crm.getProofOfPossessionType() != ProofOfPossession.TYPE_SIGNING_KEY) {
            throw new CmpRefusal(PKIFailureInfo.badPOP, "the request needs a signature proof of possession");
        }
        boolean proven;
        try {
            proven = crm.isValidSigningKeyPOP(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) {
            proven = false;
        }
        if (!proven) {
            throw new CmpRefusal(PKIFailureInfo.badPOP, "the proof of possession does not verify with the template's key");
        }
        X500Name subject = template.getSubject() == null ? new X500Name(new RDN[0]) : template.getSubject();
        return new ParsedCsr(subject, key, algorithm, names(template.getExtensions()));
    }

    private static void checkSite(ParsedCsr parsed, CmpSecrets.Secret secret) {
        RDN[] cn = parsed.subject().getRDNs(BCStyle.CN);
        String commonName = cn.length == 1 && cn[0].getFirst().getValue() instanceof ASN1String text ? text.getString() : null;
        if (!secret.siteId().equals(commonName)) {
            throw CmpRefusal.notAuthorized("the enrolment secret is for site " + secret.siteId() + ", the request names " + commonName);
        }
    }

    private static List<GeneralName> names(Extensions extensions) {
        if (extensions == null || extensions.getExtension(Extension.subjectAlternativeName) == null) {
            return List.of();
        }
        try {
            return List.of(GeneralNames.getInstance(extensions.getExtension(Extension.subjectAlternativeName).getParsedValue()).getNames());
        } catch (RuntimeException e) {
            throw new CmpRefusal(PKIFailureInfo.badCertTemplate, "the subjectAltName cannot be read");
        }
    }

    private static RevocationReason reason(Extensions crlEntryDetails) {
        if (crlEntryDetails == null || crlEntryDetails.getExtension(Extension.reasonCode) == null) {
            return RevocationReason.unspecified;
        }
        RevocationReason reason;
        try {
            reason = RevocationReason.of(CRLReason.getInstance(crlEntryDetails.getExtension(Extension.reasonCode).getParsedValue())
                    .getValue().intValue());
        } catch (RuntimeException e) {
            throw CmpRefusal.badRequest("the revocation reason cannot be read");
        }
        if (!HOLDER_REASONS.contains(reason)) {
            throw CmpRefusal.badRequest("reason " + reason + " cannot be requested over CMP; allowed: 0, 1, 3, 4, 5, 9");
        }
        return reason;
    }

    private PKIBody certificateResponse(int type, int certReqId, IssuedCertificate issued) {
        CertResponse response = new CertResponse(new ASN1Integer(certReqId), new PKIStatusInfo(PKIStatus.granted),
                new CertifiedKeyPair(new CertOrEncCert(new CMPCertificate(issued.certificate().toASN1Structure()))), null);
        return new PKIBody(type, new CertRepMessage(null, new CertResponse[]{response}));
    }

    private static PKIBody error(CmpRefusal refusal) {
        return new PKIBody(PKIBody.TYPE_ERROR, new ErrorMsgContent(new PKIStatusInfo(PKIStatus.rejection,
                new PKIFreeText(refusal.getMessage()), new PKIFailureInfo(refusal.failInfo()))));
    }

    /**
     * A response protected like the request: by a MAC with the same secret (and the new certificate's
     * chain in extraCerts), or by the CMP signer's signature (its certificate and chain in extraCerts).
     */
    private byte[] respond(PKIHeader request, PKIBody body, Protection protection) {
        try {
            if (protection.secret() != null) {
                CaSigner issuer = ca.get().orElseThrow(() -> new PkiException(PkiError.CA_UNAVAILABLE, "ca", "cmp"));
                ProtectedPKIMessageBuilder builder = builder(request, new GeneralName(issuer.certificate().getSubject()), body);
                builder.setSenderKID(protection.secret().reference().getBytes(StandardCharsets.UTF_8));
                for (X509CertificateHolder certificate : issuer.chain()) {
                    builder.addCMPCertificate(certificate);
                }
                PKMACBuilder mac = new PKMACBuilder(new JcePKMACValuesCalculator()).setParameters(new org.bouncycastle.asn1.cmp.PBMParameter(
                        nonce(), new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), 10_000,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE)));
                return builder.build(mac.build(protection.secret().secret().toCharArray())).toASN1Structure().getEncoded("DER");
            }
            CaSigner cmpSigner = signer.get().orElseThrow(() -> new PkiException(PkiError.CA_UNAVAILABLE, "ca", "cmp"));
            ProtectedPKIMessageBuilder builder = builder(request, new GeneralName(cmpSigner.certificate().getSubject()), body);
            for (X509CertificateHolder certificate : cmpSigner.chain()) {
                builder.addCMPCertificate(certificate);
            }
            return builder.build(cmpSigner.contentSigner()).toASN1Structure().getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("cannot protect a CMP response", e);
        }
    }

    private ProtectedPKIMessageBuilder builder(PKIHeader request, GeneralName sender, PKIBody body) {
        ProtectedPKIMessageBuilder builder = new ProtectedPKIMessageBuilder(request.getPvno().intValueExact(), sender, request.getSender());
        builder.setTransactionID(request.getTransactionID().getOctets());
        builder.setRecipNonce(request.getSenderNonce().getOctets());
        builder.setSenderNonce(nonce());
        builder.setMessageTime(Date.from(clock.instant()));
        builder.setBody(body);
        return builder;
    }

    /** An error message without protection, for requests whose protection did not check out (or that could not be read). */
    private byte[] unprotectedError(PKIHeader request, CmpRefusal refusal) {
        GeneralName anybody = new GeneralName(new X500Name(new RDN[0]));
        GeneralName sender = ca.get().map(c -> new GeneralName(c.certificate().getSubject())).orElse(anybody);
        PKIHeaderBuilder header = new PKIHeaderBuilder(request == null ? PKIHeader.CMP_2000 : request.getPvno().intValueExact(), sender,
                request == null ? anybody : request.getSender());
        header.setSenderNonce(nonce());
        header.setMessageTime(new org.bouncycastle.asn1.ASN1GeneralizedTime(Date.from(clock.instant())));
        if (request != null && request.getTransactionID() != null) {
            header.setTransactionID(request.getTransactionID());
        }
        if (request != null && request.getSenderNonce() != null) {
            header.setRecipNonce(request.getSenderNonce());
        }
        try {
            return new PKIMessage(header.build(), error(refusal)).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] nonce() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return nonce;
    }

    private static String hex(ASN1OctetString octets) {
        return HexFormat.of().formatHex(octets.getOctets());
    }

    private static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
