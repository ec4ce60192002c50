package com.ramparts.pki.acme;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The http-01 check (RFC 8555 8.3): {@code GET http://<name>:<port>/.well-known/acme-challenge/<token>}
 * must answer 200 with the key authorization (trailing whitespace ignored). HTTP/1.1 is spoken by hand
 * over a socket so that the connection goes to the address we chose (the configured host map first,
 * then DNS) while the Host header names the domain; redirects are not followed and at most
 * {@value #MAX_RESPONSE} bytes are read.
 */
class Http01Validator {

    static final int MAX_RESPONSE = 8192;

    private final int port;
    private final int timeoutMillis;
    private final Map<String, String> hosts;

    Http01Validator(int port, Duration timeout, Map<String, String> hosts) {
        this.port = port;
        this.timeoutMillis = (int) timeout.toMillis();
        this.hosts = hosts;
    }

    /** @throws AcmeProblem (dns, connection or incorrectResponse) saying what was wrong */
    void validate(String domain, String token, String keyAuthorization) {
        InetAddress address = resolve(domain);
        String path = "/.well-known/acme-challenge/" + token;
        byte[] response;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + domain + (port == 80 ? "" : ":" + port)
                    + "\r\nUser-Agent: ramparts-acme\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = readAtMost(socket.getInputStream());
        } catch (IOException e) {
            throw new AcmeProblem("connection", 400, "cannot fetch http://" + domain + ":" + port + path + " (" + address.getHostAddress()
                    + "): " + e.getMessage());
        }
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headerEnd < 0) {
            throw new AcmeProblem("incorrectResponse", 403, "http://" + domain + path + " did not answer HTTP/1.x");
        }
        String statusLine = text.substring(0, text.indexOf("\r\n"));
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[1].equals("200")) {
            throw new AcmeProblem("incorrectResponse", 403, "http://" + domain + path + " answered '" + statusLine + "', expected 200");
        }
        String headers = text.substring(0, headerEnd).toLowerCase(Locale.ROOT);
        String body = text.substring(headerEnd + 4);
        if (headers.contains("\r\ntransfer-encoding: chunked")) {
            body = dechunk(body);
        }
        if (!body.stripTrailing().equals(keyAuthorization)) {
            throw new AcmeProblem("incorrectResponse", 403, "http://" + domain + path + " did not answer the key authorization");
        }
    }

    private InetAddress resolve(String domain) {
        try {
            String mapped = hosts.get(domain);
            return mapped != null ? InetAddress.getByName(mapped) : InetAddress.getByName(domain);
        } catch (UnknownHostException e) {
            throw new AcmeProblem("dns", 400, "cannot resolve " + domain);
        }
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        byte[] response = in.readNBytes(MAX_RESPONSE + 1);
        if (response.length > MAX_RESPONSE) {
            throw new IOException("the answer is longer than " + MAX_RESPONSE + " bytes");
        }
        return response;
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return body.toString();
            }
            int size;
            try {
                size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                return body.toString();
            }
            if (size <= 0 || lineEnd + 2 + size > chunked.length()) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
