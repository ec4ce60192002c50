package com.ramparts.agent.enroll;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the agent decides to trust the CA certificates pki's {@code /cacerts} answers (RFC 7030 4.1.1:
 * the bootstrap answer is only as good as its out-of-band check). Either:
 * <ul>
 *   <li>a SHA-256 fingerprint of one of them (the root, normally), which the administrator reads from
 *       pki ({@code openssl x509 -fingerprint -sha256 -in root.pem}) and passes with the token; or</li>
 *   <li>CA certificates from a file the administrator installed, against which the TLS connection to
 *       pki is verified and to which the answer must chain.</li>
 * </ul>
 * Either way the answer must be one chain: each certificate signed by the next one up.
 */
public sealed interface CaTrust {

    /** Checks the answer of {@code /cacerts}; returns the certificates to trust from now on. */
    List<X509Certificate> accept(List<X509Certificate> cacerts) throws EnrolmentException;

    /** Trust pinned by the SHA-256 fingerprint of one certificate of the answer. */
    record Fingerprint(byte[] sha256) implements CaTrust {

        public Fingerprint {
            sha256 = sha256.clone();
            if (sha256.length != 32) {
                throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes, this one " + sha256.length);
            }
        }

        /** Parses {@code AB:CD:...}, {@code abcd...} or {@code SHA256:...} / {@code sha256 Fingerprint=...}. */
        public static Fingerprint parse(String text) {
            String hex = text.strip();
            int equals = hex.lastIndexOf('=');
            if (equals >= 0) {
                hex = hex.substring(equals + 1); // openssl's "sha256 Fingerprint=AB:CD:..."
            }
            if (hex.toUpperCase(Locale.ROOT).startsWith("SHA256:")) {
                hex = hex.substring("SHA256:".length());
            }
            hex = hex.replace(":", "").replace(" ", "");
            if (!hex.matches("[0-9A-Fa-f]{64}")) {
                throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint: expected 64 hex digits"
                        + " (colons allowed), as openssl x509 -fingerprint -sha256 prints them");
            }
            return new Fingerprint(HexFormat.of().parseHex(hex));
        }

        @Override
        public List<X509Certificate> accept(List<X509Certificate> cacerts) throws EnrolmentException {
            List<X509Certificate> chain = chain(cacerts);
            for (X509Certificate certificate : chain) {
                if (MessageDigest.isEqual(sha256, CaTrust.sha256(certificate))) {
                    return chain;
                }
            }
            throw new EnrolmentException("none of the CA certificates pki sent has the fingerprint you gave ("
                    + HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256) + "); it sent "
                    + describe(chain) + ". Check the fingerprint and the pki URL: this may not be your pki");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fingerprint f && MessageDigest.isEqual(sha256, f.sha256);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(sha256);
        }

        @Override
        public String toString() {
            return "Fingerprint[" + HexFormat.of().formatHex(sha256) + "]";
        }
    }

    /** Trust anchored in CA certificates from a file. */
    record Anchors(List<X509Certificate> anchors) implements CaTrust {

        public Anchors {
            anchors = List.copyOf(anchors);
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("the CA file holds no certificate");
            }
        }

        @Override
        public List<X509Certificate> accept(List<X509Certificate> cacerts) throws EnrolmentException {
            List<X509Certificate> chain = chain(cacerts);
            X509Certificate top = chain.getLast();
            for (X509Certificate anchor : anchors) {
                if (anchor.equals(top) || signedBy(top, anchor)) {
                    List<X509Certificate> trusted = new ArrayList<>(chain);
                    if (!trusted.contains(anchor)) {
                        trusted.add(anchor);
                    }
                    return trusted;
                }
            }
            throw new EnrolmentException("the CA certificates pki sent (" + describe(chain)
                    + ") do not chain to the CA file you gave");
        }
    }

    /** Orders the certificates from the lowest CA up and checks each is signed by the next. */
    static List<X509Certificate> chain(List<X509Certificate> certificates) throws EnrolmentException {
        if (certificates.isEmpty()) {
            throw new EnrolmentException("pki's /cacerts answer holds no certificate");
        }
        List<X509Certificate> left = new ArrayList<>(certificates);
        // the lowest: the one that issued none of the others
        X509Certificate lowest = left.stream().filter(c -> left.stream().noneMatch(
                o -> o != c && o.getIssuerX500Principal().equals(c.getSubjectX500Principal()))).findFirst()
                .orElseThrow(() -> new EnrolmentException("pki's CA certificates form a loop, not a chain"));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(lowest);
        left.remove(lowest);
        while (!left.isEmpty()) {
            X509Certificate current = chain.getLast();
            Optional<X509Certificate> issuer = left.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(current.getIssuerX500Principal())).findFirst();
            if (issuer.isEmpty()) {
                throw new EnrolmentException("pki's CA certificates are not one chain: nothing issued "
                        + current.getSubjectX500Principal());
            }
            if (!signedBy(current, issuer.get())) {
                throw new EnrolmentException(current.getSubjectX500Principal() + " is not signed by "
                        + issuer.get().getSubjectX500Principal());
            }
            chain.add(issuer.get());
            left.remove(issuer.get());
        }
        return chain;
    }

    static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(List<X509Certificate> chain) {
        return chain.stream().map(c -> c.getSubjectX500Principal().getName() + " (SHA-256 "
                + HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256(c)) + ")").toList().toString();
    }
}
