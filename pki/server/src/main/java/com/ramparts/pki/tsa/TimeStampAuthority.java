package com.ramparts.pki.tsa;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.x509.SerialNumbers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Answers RFC 3161 time-stamp queries. Tokens name {@code policy}, carry a random 127-bit serial
 * (unique without coordination between instances, within the RFC's 160-bit limit), the accuracy,
 * the nonce when the query has one, the TSA name, and the TSA certificate when the query sets
 * certReq; ESSCertIDv2 (SHA-256) binds the signer certificate.
 */
public class TimeStampAuthority {

    /** Message imprints we time-stamp: SHA-2 only (a SHA-1 imprint is refused with badAlg). */
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512, NISTObjectIdentifiers.id_sha3_256,
            NISTObjectIdentifiers.id_sha3_384, NISTObjectIdentifiers.id_sha3_512);

    private final CaSigner signer;
    private final ASN1ObjectIdentifier policy;
    private final Duration accuracy;
    private final int maxQueryBytes;
    private final Clock clock;
    private final DigestCalculatorProvider digests;

    public TimeStampAuthority(CaSigner signer, ASN1ObjectIdentifier policy, Duration accuracy, int maxQueryBytes, Clock clock) {
        this.signer = signer;
        this.policy = policy;
        this.accuracy = accuracy;
        this.maxQueryBytes = maxQueryBytes;
        this.clock = clock;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TSA certificate, then its CA chain. */
    public List<org.bouncycastle.cert.X509CertificateHolder> chain() {
        return signer.chain();
    }

    /** A DER TimeStampResp for a DER TimeStampReq; never throws for bad input. */
    public byte[] respond(byte[] query) {
        try {
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens(), ACCEPTED_DIGESTS, Set.of(policy));
            if (query == null || query.length == 0 || query.length > maxQueryBytes) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "the query is empty or larger than " + maxQueryBytes + " bytes").getEncoded();
            }
            TimeStampRequest request;
            try {
                ASN1Primitive.fromByteArray(query); // strict: refuses trailing data after the DER
                request = new TimeStampRequest(query);
            } catch (IOException | RuntimeException e) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "the query is not a DER TimeStampReq").getEncoded();
            }
            return responses.generate(request, SerialNumbers.random(), Date.from(clock.instant())).getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot produce a time-stamp response", e);
        }
    }

    private TimeStampTokenGenerator tokens() throws TSPException {
        try {
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new SignerInfoGeneratorBuilder(digests).build(signer.contentSigner(), signer.certificate()),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), policy);
            generator.addCertificates(new CollectionStore<>(List.of(signer.certificate())));
            generator.setTSA(new GeneralName(signer.certificate().getSubject()));
            long millis = accuracy.toMillis();
            if (millis >= 1000) {
                generator.setAccuracySeconds((int) Math.min(Integer.MAX_VALUE, millis / 1000));
            } else if (millis > 0) {
                generator.setAccuracyMillis((int) millis);
            }
            return generator;
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the TSA key", e);
        }
    }
}
