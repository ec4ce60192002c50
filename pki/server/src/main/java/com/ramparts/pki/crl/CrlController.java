package com.ramparts.pki.crl;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /crl/{ca}.crl} and {@code /crl/{ca}-delta.crl}: the CA's current full and delta CRL, DER, for anyone (RFC 5280 CRL distribution point). */
@RestController
class CrlController {

    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final CrlPublisher publisher;

    CrlController(CrlPublisher publisher) {
        this.publisher = publisher;
    }

    @GetMapping("/crl/{ca}.crl")
    ResponseEntity<Resource> crl(@PathVariable("ca") String ca) {
        return answer(publisher.current(ca));
    }

    /** The delta CRL (RFC 5280 5.2.4) the full CRL's freshestCRL names. */
    @GetMapping("/crl/{ca}-delta.crl")
    ResponseEntity<Resource> delta(@PathVariable("ca") String ca) {
        return answer(publisher.currentDelta(ca));
    }

    private static ResponseEntity<Resource> answer(CrlPublisher.Published published) {
        return ResponseEntity.ok()
                .contentType(PKIX_CRL)
                .header(HttpHeaders.EXPIRES, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        published.crl().nextUpdate().atZone(java.time.ZoneOffset.UTC)))
                .lastModified(published.crl().thisUpdate())
                .body(new FileSystemResource(published.file()));
    }
}
