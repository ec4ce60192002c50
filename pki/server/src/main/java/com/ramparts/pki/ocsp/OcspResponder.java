package com.ramparts.pki.ocsp;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.x509.X509Times;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers OCSP requests (RFC 6960) from the inventory: {@code good} for a valid certificate,
 * {@code revoked} with time and reason (certificateHold for a suspended one), {@code unknown} for a
 * serial number the CA never issued. Requests about CAs this service does not run get
 * {@code unauthorized}; undecodable ones {@code malformedRequest}. Never throws for bad input.
 */
public class OcspResponder {

    /** RFC 8954: nonces are 1 to 32 octets (we allow the DER wrapping some clients add). */
    private static final int MAX_NONCE_OCTETS = 34;
    private static final Map<ASN1ObjectIdentifier, String> HASHES = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final List<Issuer> issuers;
    private final CertificateInventory inventory;
    private final PresignedResponses presigned;
    private final Duration validity;
    private final int maxRequests;
    private final Clock clock;

    public OcspResponder(CertificateAuthorities cas, OcspSigners signers, CertificateInventory inventory, Duration validity,
                         int maxRequests, Clock clock) {
        this(cas, signers, inventory, PresignedResponses.NONE, validity, maxRequests, clock);
    }

    /** @param presigned responses signed ahead of time, served to requests for one certificate without a nonce (RFC 5019) */
    public OcspResponder(CertificateAuthorities cas, OcspSigners signers, CertificateInventory inventory, PresignedResponses presigned,
                         Duration validity, int maxRequests, Clock clock) {
        List<Issuer> list = new ArrayList<>();
        for (CaSigner ca : cas.all()) {
            CaSigner signer = signers.forCa(ca.name()).orElseThrow(() -> new IllegalStateException("no OCSP signer for " + ca.name()));
            HASHES.forEach((oid, name) -> list.add(new Issuer(ca.name(), oid, digest(name, encoded(ca.certificate().getSubject())),
                    digest(name, ca.certificate().getSubjectPublicKeyInfo().getPublicKeyData().getBytes()), signer,
                    responderId(signer))));
        }
        this.issuers = List.copyOf(list);
        this.inventory = inventory;
        this.presigned = presigned;
        this.validity = validity;
        this.maxRequests = maxRequests;
        this.clock = clock;
    }

    /** The DER of the response to a DER request. */
    public byte[] respond(byte[] request) {
        OCSPReq ocspRequest;
        try {
            ocspRequest = new OCSPReq(request);
        } catch (IOException | RuntimeException e) {
            return error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Req[] requests = ocspRequest.getRequestList();
        if (requests.length == 0 || requests.length > maxRequests) {
            return error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null && (nonce.getExtnValue().getOctets().length == 0 || nonce.getExtnValue().getOctets().length > MAX_NONCE_OCTETS)) {
            return error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Issuer issuer = null;
        for (Req single : requests) {
            Optional<Issuer> found = issuerOf(single.getCertID());
            if (found.isEmpty() || (issuer != null && !issuer.caName().equals(found.get().caName()))) {
                return error(OCSPRespBuilder.UNAUTHORIZED); // one response has one signer: all must be about the same CA
            }
            issuer = found.get();
        }
        Instant now = X509Times.truncate(clock.instant());
        if (requests.length == 1 && nonce == null && issuer.hashAlgorithm().equals(OIWObjectIdentifiers.idSHA1)) {
            // RFC 5019: the lightweight profile's requests get the response made ahead of time, without signing now
            Optional<byte[]> ready = presigned.lookup(issuer.caName(), requests[0].getCertID().getSerialNumber(), clock.instant());
            if (ready.isPresent()) {
                return ready.get();
            }
        }
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(issuer.responderId());
        for (Req single : requests) {
            CertificateID id = single.getCertID();
            builder.addResponse(id, status(issuer.caName(), id), X509Times.date(now), X509Times.date(now.plus(validity)), null);
        }
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    nonce.getExtnValue())));
        }
        try {
            CaSigner signer = issuer.signer();
            BasicOCSPResp basic = builder.build(signer.contentSigner(), new X509CertificateHolder[]{signer.certificate()},
                    X509Times.date(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | IOException e) {
            return error(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    /**
     * A response about one certificate with a SHA-1 CertID (what RFC 5019 clients send), signed now for
     * the given status and valid for {@code validity}: what the pre-signing stores.
     */
    public byte[] presign(String caName, java.math.BigInteger serial, CertificateInventory.Status status, Instant thisUpdate,
                          Duration validity) {
        Issuer issuer = issuers.stream().filter(i -> i.caName().equals(caName) && i.hashAlgorithm().equals(OIWObjectIdentifiers.idSHA1))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no CA " + caName));
        Instant now = X509Times.truncate(thisUpdate);
        CertificateID id = new CertificateID(new org.bouncycastle.asn1.ocsp.CertID(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, org.bouncycastle.asn1.DERNull.INSTANCE),
                new org.bouncycastle.asn1.DEROctetString(issuer.nameHash()), new org.bouncycastle.asn1.DEROctetString(issuer.keyHash()),
                new org.bouncycastle.asn1.ASN1Integer(serial)));
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(issuer.responderId());
        builder.addResponse(id, statusOf(Optional.of(status)), X509Times.date(now), X509Times.date(now.plus(validity)), null);
        try {
            CaSigner signer = issuer.signer();
            BasicOCSPResp basic = builder.build(signer.contentSigner(), new X509CertificateHolder[]{signer.certificate()}, X509Times.date(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot sign an OCSP response for " + caName, e);
        }
    }

    private org.bouncycastle.cert.ocsp.CertificateStatus status(String caName, CertificateID id) {
        return statusOf(inventory.status(caName, id.getSerialNumber()));
    }

    private static org.bouncycastle.cert.ocsp.CertificateStatus statusOf(Optional<CertificateInventory.Status> found) {
        if (found.isEmpty()) {
            return new UnknownStatus();
        }
        if (found.get().status() == CertificateStatus.VALID) {
            return org.bouncycastle.cert.ocsp.CertificateStatus.GOOD; // which Bouncy Castle represents as null
        }
        ASN1GeneralizedTime when = new ASN1GeneralizedTime(X509Times.date(found.get().revokedAt()));
        int reason = found.get().reason() == null ? CRLReason.unspecified : found.get().reason();
        // like the CRL entry, an unspecified reason is left out (RFC 5280 5.3.1)
        return new RevokedStatus(new RevokedInfo(when, reason == CRLReason.unspecified ? null : CRLReason.lookup(reason)));
    }

    private Optional<Issuer> issuerOf(CertificateID id) {
        for (Issuer issuer : issuers) {
            if (issuer.hashAlgorithm().equals(id.getHashAlgOID())
                    && Arrays.equals(issuer.nameHash(), id.getIssuerNameHash())
                    && Arrays.equals(issuer.keyHash(), id.getIssuerKeyHash())) {
                return Optional.of(issuer);
            }
        }
        return Optional.empty();
    }

    private static byte[] error(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RespID responderId(CaSigner signer) {
        try {
            DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            return new RespID(signer.publicKey(), sha1);
        } catch (OperatorCreationException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(org.bouncycastle.asn1.x500.X500Name name) {
        try {
            return name.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CA under one CertID hash algorithm: the hashes requests name it by, and who signs for it. */
    private record Issuer(String caName, ASN1ObjectIdentifier hashAlgorithm, byte[] nameHash, byte[] keyHash, CaSigner signer,
                          RespID responderId) {
    }
}
