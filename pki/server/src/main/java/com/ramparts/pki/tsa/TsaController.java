package com.ramparts.pki.tsa;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;

/** RFC 3161 over HTTP (section 3.4): {@code POST /tsa}, application/timestamp-query in, application/timestamp-reply out. */
@RestController
class TsaController {

    static final String QUERY = "application/timestamp-query";
    static final String REPLY = "application/timestamp-reply";

    private final TimeStampAuthority authority;
    private final int maxQueryBytes;

    /** @param authority null while no CA is online */
    TsaController(TimeStampAuthority authority, int maxQueryBytes) {
        this.authority = authority;
        this.maxQueryBytes = maxQueryBytes;
    }

    @PostMapping("/tsa")
    ResponseEntity<byte[]> timestamp(HttpServletRequest request) throws IOException {
        if (authority == null) {
            return ResponseEntity.status(503).contentType(MediaType.TEXT_PLAIN).body("no CA is online to certify the TSA\n".getBytes());
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].strip().equals(QUERY)) {
            return ResponseEntity.status(415).contentType(MediaType.TEXT_PLAIN).body(("send Content-Type: " + QUERY + "\n").getBytes());
        }
        // an oversized query is read no further than the limit and answered badDataFormat by the authority
        byte[] query = request.getContentLengthLong() > maxQueryBytes ? new byte[maxQueryBytes + 1]
                : request.getInputStream().readNBytes(maxQueryBytes + 1);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, REPLY).body(authority.respond(query));
    }
}
