package com.ramparts.pki.cmp;

import jakarta.servlet.http.HttpServletRequest;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;

/**
 * CMP over HTTP (RFC 6712) at {@code /.well-known/cmp}: a DER PKIMessage in, a DER PKIMessage out,
 * both {@code application/pkixcmp}. Refusals are CMP error messages; the HTTP status is 200 except
 * for bodies that are not a PKIMessage at all (400), too large (413) or of another type (415).
 */
@RestController
@RequestMapping("/.well-known/cmp")
class CmpController {

    static final String PKIXCMP = "application/pkixcmp";

    private final CmpServer server;
    private final int maxBodyBytes;
    private final boolean requireTls;

    CmpController(CmpServer server, int maxBodyBytes, boolean requireTls) {
        this.server = server;
        this.maxBodyBytes = maxBodyBytes;
        this.requireTls = requireTls;
    }

    @PostMapping
    ResponseEntity<byte[]> message(HttpServletRequest request) throws IOException {
        CmpServer.Answer answer;
        if (requireTls && !request.isSecure()) {
            answer = server.refuse(new CmpRefusal(PKIFailureInfo.notAuthorized, "CMP is only served over https here", 403));
        } else if (!PKIXCMP.equals(mediaType(request.getContentType()))) {
            answer = server.refuse(new CmpRefusal(PKIFailureInfo.badDataFormat, "send Content-Type: " + PKIXCMP, 415));
        } else if (request.getContentLengthLong() > maxBodyBytes) {
            answer = server.refuse(tooLarge());
        } else {
            byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
            answer = body.length > maxBodyBytes ? server.refuse(tooLarge()) : server.handle(body);
        }
        return ResponseEntity.status(answer.httpStatus()).header(HttpHeaders.CONTENT_TYPE, PKIXCMP).body(answer.der());
    }

    private CmpRefusal tooLarge() {
        return new CmpRefusal(PKIFailureInfo.badDataFormat, "the request is larger than " + maxBodyBytes + " bytes", 413);
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    }
}
