package com.ramparts.pki.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Caps API request bodies ({@code ramparts.pki.request-max-size}): a declared length over the cap
 * is refused at once, and a chunked body is cut off when it passes the cap, so no request can make
 * the service buffer an unbounded body.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    RequestBodyLimitFilter(long limit) {
        this.limit = limit;
    }

    /** The RA's uploads (CSV imports, bulk CSR zips) are bounded by their own, larger limits (ramparts.pki.ra.*). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/imports/") || path.equals("/api/v1/bulk-jobs");
    }

    /** Thrown by the body stream when it passes the limit; the error handler maps it to 413. */
    static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":\"request.too_large\",\"message\":\"The request body is larger than "
                    + limit + " bytes.\",\"field\":null}");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(super.getInputStream(), limit);
                }
                return limited;
            }
        }, response);
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Limited(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
                throw new BodyTooLargeException(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new BodyTooLargeException(limit);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
