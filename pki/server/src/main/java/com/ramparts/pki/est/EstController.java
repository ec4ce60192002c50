package com.ramparts.pki.est;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.profile.Profiles;
import jakarta.servlet.http.HttpServletRequest;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * EST over HTTPS (RFC 7030 3.2, 4.1, 4.2). Requests are {@code application/pkcs10}, base64 of the
 * DER as the RFC says (RFC 8951 lets whitespace in); raw DER and PEM are accepted too, because
 * {@code curl --data-binary @csr.der} is how people try it. Refusals are plain text.
 */
@RestController
@RequestMapping("/.well-known/est")
class EstController {

    private static final String PKCS10 = "application/pkcs10";
    private static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final EstEnrolment enrolment;
    private final CertificateAuthorities cas;
    private final Profiles profiles;
    private final String profile;
    private final int maxBodyBytes;
    private final boolean requireTls;

    EstController(EstEnrolment enrolment, CertificateAuthorities cas, Profiles profiles, String profile, int maxBodyBytes, boolean requireTls) {
        this.enrolment = enrolment;
        this.cas = cas;
        this.profiles = profiles;
        this.profile = profile;
        this.maxBodyBytes = maxBodyBytes;
        this.requireTls = requireTls;
    }

    /** The issuing CA of the EST profile and its issuers up to the root (the client's explicit trust anchor database). */
    @GetMapping("/cacerts")
    ResponseEntity<byte[]> cacerts() {
        String caName = profiles.require(profile).issuerFor(null);
        CaSigner ca = cas.find(caName).orElseThrow(() -> new PkiException(PkiError.CA_UNAVAILABLE, "ca", caName));
        return certsOnly(ca.chain());
    }

    @PostMapping("/simpleenroll")
    ResponseEntity<byte[]> simpleenroll(HttpServletRequest request) throws IOException {
        checkTransport(request);
        String token = token(request.getHeader(HttpHeaders.AUTHORIZATION));
        IssuedCertificate issued = enrolment.enrol(token, body(request));
        return certsOnly(List.of(issued.certificate()));
    }

    @PostMapping("/simplereenroll")
    ResponseEntity<byte[]> simplereenroll(HttpServletRequest request) throws IOException {
        checkTransport(request);
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute(CLIENT_CERTIFICATES);
        if (chain == null || chain.length == 0) {
            throw new EstRefusal(401, "re-enrolment needs the current certificate as the TLS client certificate");
        }
        X509CertificateHolder current;
        try {
            current = new X509CertificateHolder(chain[0].getEncoded());
        } catch (CertificateEncodingException e) {
            throw new EstRefusal(401, "the TLS client certificate cannot be read");
        }
        IssuedCertificate issued = enrolment.reenrol(current, body(request));
        return certsOnly(List.of(issued.certificate()));
    }

    @ExceptionHandler(EstRefusal.class)
    ResponseEntity<String> refused(EstRefusal refusal) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status()).contentType(MediaType.TEXT_PLAIN);
        if (refusal.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ramparts-est\"");
        }
        return answer.body(refusal.getMessage() + "\n");
    }

    /**
     * Issuance refusals: a bad request (RFC 7030 4.2.3), 413 for a CSR over {@code csr-max-size} (as the
     * REST API answers it), or 503 while no CA is online.
     */
    @ExceptionHandler(PkiException.class)
    ResponseEntity<String> issuanceRefused(PkiException e) {
        int status = switch (e.error().kind()) {
            case UNAVAILABLE -> 503;
            case TOO_LARGE -> 413;
            default -> 400;
        };
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(e.error().code() + ": " + e.getMessage() + "\n");
    }

    private void checkTransport(HttpServletRequest request) {
        if (requireTls && !request.isSecure()) {
            throw new EstRefusal(403, "EST needs TLS (RFC 7030 3.3): use https");
        }
    }

    /** The token from {@code Authorization: Basic <any user>:<token>} or {@code Bearer <token>}. */
    private static String token(String authorization) {
        if (authorization != null) {
            String[] parts = authorization.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && !parts[1].isBlank()) {
                return parts[1];
            }
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Basic")) {
                try {
                    String pair = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    if (colon >= 0 && colon < pair.length() - 1) {
                        return pair.substring(colon + 1);
                    }
                } catch (IllegalArgumentException ignored) {
                    // answered below like a missing token
                }
            }
        }
        throw new EstRefusal(401, "first enrolment needs an enrolment token (HTTP basic password or bearer)");
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].strip().equals(PKCS10)) {
            throw new EstRefusal(415, "send Content-Type: " + PKCS10);
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new EstRefusal(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new EstRefusal(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        if (body.length == 0) {
            throw new EstRefusal(400, "the request body is empty");
        }
        if (body[0] == 0x30 || body[0] == '-') {
            return body; // DER or PEM, which the CSR parser takes as they are
        }
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new EstRefusal(400, "the request body is neither base64 nor DER");
        }
    }

    private static ResponseEntity<byte[]> certsOnly(List<X509CertificateHolder> certificates) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, CertsOnly.MEDIA_TYPE)
                .header("Content-Transfer-Encoding", "base64")
                .body(CertsOnly.base64(certificates));
    }
}
