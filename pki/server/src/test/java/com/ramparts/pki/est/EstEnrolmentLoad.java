package com.ramparts.pki.est;

import com.ramparts.pki.PkiApplication;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.testing.TestTls;
import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.secrets.AdminCredentials;
import org.bouncycastle.asn1.x509.GeneralName;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load harness (not a test): EST {@code simpleenroll} end to end over HTTPS — token check, CSR parse,
 * profile, signing, inventory insert, audit entry, certs-only answer — with {@code threads} clients on
 * kept-alive connections. Tokens and CSRs (one EC P-256 key per site) are made before the clock starts.
 * Writes enrolments/s for docs/BENCHMARKS.md. Arguments: {@code [enrolments] [threads] [warmup]}.
 */
public final class EstEnrolmentLoad {

    private EstEnrolmentLoad() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path data = Files.createTempDirectory("est-load-");
        TestHierarchy hierarchy = TestHierarchy.shared();
        TestTls tls = TestTls.issue(hierarchy, data.resolve("tls"));
        int port = Ports.freePort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("ramparts.pki.public-url", "http://127.0.0.1:" + port);
        properties.put("ramparts.pki.data-dir", data.toString());
        properties.put("ramparts.pki.admin-credentials-file", data.resolve("secrets/admin-credentials").toString());
        properties.put("logging.level.root", "WARN");
        properties.putAll(hierarchy.serviceProperties());
        properties.putAll(tls.serverProperties());
        // as command-line arguments: default properties would lose to application.yml
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PkiApplication.class).run(arguments)) {
            HttpClient http = client(tls);
            String base = "https://127.0.0.1:" + port;
            AdminCredentials admin = AdminCredentials.read(data.resolve("secrets/admin-credentials"));
            String basic = "Basic " + Base64.getEncoder().encodeToString((admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8));
            // one API token (SHA-256 checked) for making the enrolment tokens: basic auth would bcrypt every call
            HttpResponse<String> apiToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\",\"role\":\"ADMIN\",\"validity\":\"P1D\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String bearer = "Bearer " + JsonMapper.builder().build().readTree(apiToken.body()).get("secret").asString();
            KeyPair key = TestCsrs.key(com.ramparts.pki.x509.KeyAlgorithm.EC_P256);
            List<String[]> work = new ArrayList<>();
            for (int i = 0; i < warmup + count; i++) {
                String site = "site-" + i;
                String token = token(http, base, bearer, site);
                byte[] csr = TestCsrs.der(key, "SHA256withECDSA", "O=Ramparts,CN=" + site,
                        new GeneralName(GeneralName.uniformResourceIdentifier, "urn:ramparts:site:" + site));
                work.add(new String[]{token, Base64.getMimeEncoder().encodeToString(csr)});
            }
            run(http, base, work.subList(0, warmup), threads);
            long start = System.nanoTime();
            int ok = run(http, base, work.subList(warmup, warmup + count), threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("EST simpleenroll: %d enrolments (%d answered 200) with %d threads in %.2f s = %.0f enrolments/s%n",
                    count, ok, threads, seconds, ok / seconds);
        }
    }

    private static int run(HttpClient http, String base, List<String[]> work, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/.well-known/est/simpleenroll"))
                            .header("Authorization", "Bearer " + work.get(i)[0]).header("Content-Type", "application/pkcs10")
                            .POST(HttpRequest.BodyPublishers.ofString(work.get(i)[1])).build();
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return ok.get();
    }

    private static String token(HttpClient http, String base, String authorization, String site) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/enrolment-tokens"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"siteId\":\"" + site + "\",\"agentId\":\"agent\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("token for " + site + ": " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.builder().build().readTree(response.body()).get("token").asString();
    }

    private static HttpClient client(TestTls tls) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            trust.load(in, tls.password().toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
