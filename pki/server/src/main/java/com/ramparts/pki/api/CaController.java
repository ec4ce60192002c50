package com.ramparts.pki.api;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.x509.Pem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The CA certificates: public PEM chains and DER certificates (what AIA caIssuers points to), and
 * the list of CAs for administrators.
 */
@RestController
class CaController {

    static final MediaType PEM_CHAIN = MediaType.parseMediaType("application/pem-certificate-chain");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    private final CertificateAuthorities cas;
    private final PublicationPoints points;

    CaController(CertificateAuthorities cas, PublicationPoints points) {
        this.cas = cas;
        this.points = points;
    }

    record CaView(String name, String subject, String keyType, Instant notAfter, String chainUrl, String crlUrl, String ocspUrl) {
    }

    /** The CA's certificate followed by its issuers up to the root (RFC 8555 9.1 format). */
    @GetMapping("/ca/{name}.pem")
    ResponseEntity<String> chain(@PathVariable("name") String name) {
        return ResponseEntity.ok().contentType(PEM_CHAIN).body(Pem.certificates(cas.require(name).chain()));
    }

    @GetMapping("/ca/{name}.crt")
    ResponseEntity<byte[]> certificate(@PathVariable("name") String name) {
        try {
            return ResponseEntity.ok().contentType(PKIX_CERT).body(cas.require(name).certificate().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/cas")
    List<CaView> list() {
        return cas.all().stream().map(this::view).toList();
    }

    private CaView view(CaSigner ca) {
        return new CaView(ca.name(), ca.certificate().getSubject().toString(), ca.algorithm().name(),
                ca.certificate().getNotAfter().toInstant(), points.base() + "/ca/" + ca.name() + ".pem",
                points.crl(ca.name()).toString(), points.ocsp().toString());
    }
}
