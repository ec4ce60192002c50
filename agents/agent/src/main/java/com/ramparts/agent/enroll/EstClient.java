package com.ramparts.agent.enroll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client side of EST (RFC 7030) against pki's {@code /.well-known/est/}: {@code cacerts},
 * {@code simpleenroll} with the one-time token as the HTTP basic password, {@code simplereenroll}
 * with the current certificate as the TLS client certificate. Requests are base64 DER
 * ({@code application/pkcs10}); answers are base64 certs-only PKCS#7, read by the JDK.
 */
public final class EstClient {

    private static final String PATH = "/.well-known/est/";
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;

    /** @param pki pki's base URL, {@code https://host:port} */
    public EstClient(URI pki) {
        if (pki.getScheme() == null || !pki.getScheme().equalsIgnoreCase("https") || pki.getHost() == null) {
            throw new IllegalArgumentException("the pki URL must be https://host[:port], not " + pki
                    + " (EST runs over TLS, RFC 7030 3.3)");
        }
        String text = pki.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public URI base() {
        return base;
    }

    /**
     * The CA certificates, fetched without checking pki's TLS certificate: the caller must check
     * the answer out of band ({@link CaTrust.Fingerprint}) before trusting anything in it.
     */
    public List<X509Certificate> cacertsForBootstrap() throws EnrolmentException {
        return certificates(send(client(insecureBootstrapContext()), get("cacerts")), "cacerts");
    }

    /** The CA certificates over TLS verified against the given CAs. */
    public List<X509Certificate> cacerts(List<X509Certificate> trusted) throws EnrolmentException {
        return certificates(send(client(context(null, trusted)), get("cacerts")), "cacerts");
    }

    /** First enrolment: the token pays; the TLS connection is verified against {@code trusted}. */
    public X509Certificate simpleEnroll(byte[] csrDer, String user, String token, List<X509Certificate> trusted)
            throws EnrolmentException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = post("simpleenroll", csrDer).header("Authorization", "Basic " + basic).build();
        return leaf(certificates(send(client(context(null, trusted)), request), "simpleenroll"));
    }

    /** Re-enrolment: the current credentials authenticate the TLS connection. */
    public X509Certificate simpleReenroll(byte[] csrDer, Credentials current) throws EnrolmentException {
        HttpRequest request = post("simplereenroll", csrDer).build();
        return leaf(certificates(send(client(context(current, current.trusted())), request), "simplereenroll"));
    }

    private HttpRequest get(String operation) {
        return HttpRequest.newBuilder(base.resolve(PATH + operation)).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest.Builder post(String operation, byte[] csrDer) {
        byte[] body = Base64.getMimeEncoder().encode(csrDer); // RFC 7030 4.2.1: base64 of the DER
        return HttpRequest.newBuilder(base.resolve(PATH + operation)).timeout(TIMEOUT)
                .header("Content-Type", "application/pkcs10")
                .header("Content-Transfer-Encoding", "base64")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    private byte[] send(HttpClient client, HttpRequest request) throws EnrolmentException {
        try (client) {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                throw new EnrolmentException(request.uri() + " answered more than " + MAX_ANSWER_BYTES
                        + " bytes; that is not an EST answer");
            }
            if (response.statusCode() != 200) {
                throw new EnrolmentException(request.uri() + " refused: HTTP " + response.statusCode() + ": "
                        + printable(body) + hint(response.statusCode()));
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/pkcs7-mime")) {
                throw new EnrolmentException(request.uri() + " answered " + (type.isEmpty() ? "no content type" : type)
                        + ", not application/pkcs7-mime: is this pki's EST endpoint?");
            }
            return body;
        } catch (IOException e) {
            throw new EnrolmentException("cannot reach " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnrolmentException("interrupted while talking to " + request.uri(), e);
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> " (the token is unknown, spent or expired: ask the administrator for a new one)";
            case 403 -> " (the token is for another site, or the certificate is revoked or expired)";
            default -> "";
        };
    }

    /** Certs-only PKCS#7, base64 as RFC 7030 says (raw DER is accepted too). */
    static List<X509Certificate> certificates(byte[] body, String operation) throws EnrolmentException {
        byte[] der;
        if (body.length > 0 && body[0] == 0x30) {
            der = body;
        } else {
            try {
                der = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new EnrolmentException(operation + ": the answer is not base64: " + e.getMessage());
            }
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(der))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new EnrolmentException(operation + ": the answer holds no certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new EnrolmentException(operation + ": the answer is not a certs-only PKCS#7: " + e.getMessage(), e);
        }
    }

    private static X509Certificate leaf(List<X509Certificate> certificates) throws EnrolmentException {
        if (certificates.size() != 1) {
            throw new EnrolmentException("expected one certificate from pki, got " + certificates.size());
        }
        return certificates.getFirst();
    }

    private static String printable(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 500), StandardCharsets.UTF_8).strip();
        return text.replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
    }

    /** TLS verified against the given CAs (with the JDK's host name check), optionally with a client certificate. */
    static SSLContext context(Credentials client, List<X509Certificate> trusted) throws EnrolmentException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                trust.setCertificateEntry("ca-" + i, trusted.get(i));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = null;
            if (client != null) {
                char[] password = "in-memory".toCharArray();
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("agent", client.key(), password, client.chain().toArray(X509Certificate[]::new));
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new EnrolmentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Accepts any server certificate: only for fetching CA certificates that are then checked by fingerprint. */
    private static SSLContext insecureBootstrapContext() throws EnrolmentException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnyServer()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new EnrolmentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static final class AcceptAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // checked afterwards by fingerprint, see cacertsForBootstrap
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // checked afterwards by fingerprint, see cacertsForBootstrap
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // checked afterwards by fingerprint, see cacertsForBootstrap
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
