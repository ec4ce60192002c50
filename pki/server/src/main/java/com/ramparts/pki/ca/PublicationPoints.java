package com.ramparts.pki.ca;

import java.net.URI;

/**
 * Where relying parties fetch what a CA publishes, below the service's public URL. Certificates
 * point here (CRL distribution point, AIA), and the HTTP layer serves exactly these paths.
 */
public record PublicationPoints(URI base, boolean deltaCrls) {

    /** Without delta CRLs. */
    public PublicationPoints(URI base) {
        this(base, false);
    }

    public PublicationPoints {
        String text = base.toString();
        if (!"http".equals(base.getScheme())) {
            // CRLs and OCSP are fetched while validating TLS, so they must not need TLS (RFC 5280 8, RFC 6960 A.1)
            throw new IllegalStateException("ramparts.pki.public-url: must be a plain http:// URL (CRL and OCSP clients "
                    + "fetch it while they validate TLS), not " + text);
        }
        if (text.endsWith("/")) {
            base = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public URI crl(String caName) {
        return URI.create(base + "/crl/" + caName + ".crl");
    }

    /** The delta CRL (RFC 5280 5.2.4) certificates and the full CRL name in freshestCRL, when delta CRLs are published. */
    public java.util.Optional<URI> deltaCrl(String caName) {
        return deltaCrls ? java.util.Optional.of(URI.create(base + "/crl/" + caName + "-delta.crl")) : java.util.Optional.empty();
    }

    public URI ocsp() {
        return URI.create(base + "/ocsp");
    }

    /** The CA certificate alone, DER (application/pkix-cert), as AIA caIssuers wants it (RFC 5280 4.2.2.1). */
    public URI caCertificate(String caName) {
        return URI.create(base + "/ca/" + caName + ".crt");
    }
}
