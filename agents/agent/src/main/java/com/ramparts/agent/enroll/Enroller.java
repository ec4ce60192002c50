package com.ramparts.agent.enroll;

import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * Enrolment and renewal, the steps in order. The key pair is made here and only its public half
 * leaves the host, inside the request; nothing is stored until pki's answer has been checked.
 */
public final class Enroller {

    private final EstClient est;
    private final CredentialStore store;

    public Enroller(EstClient est, CredentialStore store) {
        this.est = est;
        this.store = store;
    }

    /**
     * First enrolment: trust pki's CAs as {@code trust} allows, send a new key's request with the
     * token, check and store the certificate.
     *
     * @param user the HTTP basic user name (the agent id; pki records it)
     */
    public Credentials enrol(String siteId, String user, String token, CaTrust trust) throws EnrolmentException {
        List<X509Certificate> offered = switch (trust) {
            case CaTrust.Fingerprint pin -> est.cacertsForBootstrap();
            case CaTrust.Anchors anchors -> est.cacerts(anchors.anchors());
        };
        List<X509Certificate> trusted = trust.accept(offered);
        KeyPair keys = KeyPairs.generate();
        X509Certificate issued = est.simpleEnroll(CertificateRequests.forSite(siteId, keys), user, token, trusted);
        Credentials credentials = check(issued, keys, trusted, siteId);
        return store(credentials);
    }

    /** Renewal: a new key, the same subject and names, authenticated by the current certificate. */
    public Credentials renew(Credentials current) throws EnrolmentException {
        KeyPair keys = KeyPairs.generate();
        X509Certificate issued = est.simpleReenroll(CertificateRequests.renewing(current.certificate(), keys), current);
        if (!issued.getSubjectX500Principal().equals(current.certificate().getSubjectX500Principal())) {
            throw new EnrolmentException("pki renewed " + current.certificate().getSubjectX500Principal() + " as "
                    + issued.getSubjectX500Principal() + "; refusing a certificate with another subject");
        }
        return store(check(issued, keys, current.trusted(), null));
    }

    private Credentials store(Credentials credentials) throws EnrolmentException {
        try {
            store.write(credentials);
            return credentials;
        } catch (IOException e) {
            throw new EnrolmentException("cannot store the credentials in " + store.dir() + ": " + e, e);
        }
    }

    /** The one CN of the subject, or null. */
    static String commonName(X509Certificate certificate) {
        try {
            List<String> names = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).map(rdn -> String.valueOf(rdn.getValue())).toList();
            return names.size() == 1 ? names.getFirst() : null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    /** The certificate must be for our key, name our site, and chain to the trusted CAs. */
    private static Credentials check(X509Certificate issued, KeyPair keys, List<X509Certificate> trusted, String siteId)
            throws EnrolmentException {
        if (!Arrays.equals(issued.getPublicKey().getEncoded(), keys.getPublic().getEncoded())) {
            throw new EnrolmentException("pki's certificate is not for the key this agent sent; nothing stored");
        }
        if (siteId != null && !siteId.equals(commonName(issued))) {
            throw new EnrolmentException("pki's certificate names " + issued.getSubjectX500Principal()
                    + ", not site " + siteId + "; nothing stored");
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued);
        X509Certificate current = issued;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate child = current;
            X509Certificate issuer = trusted.stream().filter(ca -> CaTrust.signedBy(child, ca)).findFirst()
                    .orElse(null);
            if (issuer == null) {
                if (chain.size() == 1) {
                    throw new EnrolmentException("pki's certificate is not signed by the CAs this agent trusts"
                            + " (issuer " + current.getIssuerX500Principal() + "); nothing stored");
                }
                break;
            }
            if (chain.contains(issuer)) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        if (chain.getLast().getIssuerX500Principal().equals(chain.getLast().getSubjectX500Principal()) && chain.size() > 1) {
            chain.removeLast(); // the root is the peer's trust anchor; sending it only costs bytes
        }
        return new Credentials(keys.getPrivate(), chain, trusted);
    }
}
