package com.ramparts.pki.ocsp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Base64;

/**
 * OCSP over HTTP (RFC 6960 appendix A): {@code POST /ocsp} with a DER body, or
 * {@code GET /ocsp/{url-encoded base64 of the DER}}. A filter rather than a controller because
 * the base64 of a GET request may contain {@code /}, which servlet path matching and Spring
 * Security's firewall reject when encoded as {@code %2F}; it runs before security (the responder
 * is public) and reads the raw URI itself.
 */
public class OcspHttpFilter extends OncePerRequestFilter {

    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";

    private final OcspResponder responder;
    private final int maxRequestBytes;

    public OcspHttpFilter(OcspResponder responder, int maxRequestBytes) {
        this.responder = responder;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod()) && (path.equals("/ocsp") || path.equals("/ocsp/"));
        boolean get = "GET".equals(request.getMethod()) && path.startsWith("/ocsp/") && path.length() > "/ocsp/".length();
        if (!post && !get) {
            chain.doFilter(request, response);
            return;
        }
        byte[] ocspRequest;
        if (post) {
            if (request.getContentType() == null || !request.getContentType().toLowerCase(Locale.ROOT).startsWith(OCSP_REQUEST)) {
                response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "send Content-Type: " + OCSP_REQUEST);
                return;
            }
            if (request.getContentLengthLong() > maxRequestBytes) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            ocspRequest = readAtMost(request.getInputStream(), maxRequestBytes);
            if (ocspRequest == null) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        } else {
            String encoded = path.substring("/ocsp/".length());
            if (encoded.length() > maxRequestBytes * 2) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            try {
                String base64 = percentDecode(encoded);
                // some clients send the URL-safe alphabet; both decode to the same DER
                ocspRequest = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(base64) : Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                ocspRequest = new byte[0]; // answered as malformedRequest
            }
        }
        byte[] answer = responder.respond(ocspRequest);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(OCSP_RESPONSE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** Decodes %XX escapes only: in a path, unlike a form, '+' is a plain character (and a base64 one). */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                decoded.append((char) HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    /** The whole body, or null if it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        return body.length > max ? null : body;
    }
}
