package com.ramparts.pki.bench;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.crl.CrlPublisher;
import com.ramparts.pki.ocsp.OcspPresigner;
import com.ramparts.pki.x509.SerialNumbers;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One CA with N certificates in the inventory (default 1,000,000, all revoked so that the same rows
 * serve the CRL figure): CRL generation time and heap, pre-signing every OCSP response, then OCSP
 * over HTTP on loopback from a load generator in the same JVM, without a nonce (pre-signed) and with
 * one (signed per request). Arguments: {@code [certificates] [seconds] [concurrency] [responses to pre-sign]}. Embedded H2
 * files: inserting a million rows into PostgreSQL through JDBC batches is the same code, only slower here.
 */
public final class MillionCertificatesBenchmark {

    public static void main(String[] args) throws Exception {
        int certificates = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int presign = args.length > 3 ? Integer.parseInt(args[3]) : certificates;
        try (BenchService service = new BenchService(null, Map.of("ramparts.pki.ocsp.presigned.interval", "24h",
                "ramparts.pki.crl.check-interval", "24h", "ramparts.pki.ocsp.presigned.batch", "2000"))) {
            JdbcTemplate jdbc = new JdbcTemplate(service.bean(DataSource.class));
            CaSigner ca = service.bean(CertificateAuthorities.class).require("issuing");
            long t0 = System.nanoTime();
            List<BigInteger> serials;
            if (certificates > 0) {
                serials = insert(jdbc, certificates);
                BenchService.print("inserted %d revoked certificates in %.1f s into %s", certificates, (System.nanoTime() - t0) / 1e9, service.data);
            } else { // 0: the certificates of an earlier run (-Dbench.data); the serials only when OCSP is measured
                serials = jdbc.queryForList("SELECT serial_number FROM certificate" + (presign == 0 ? " FETCH FIRST 1 ROWS ONLY" : ""),
                        String.class).stream().map(s -> new BigInteger(s, 16)).toList();
            }

            CrlPublisher crls = service.bean(CrlPublisher.class);
            for (int run = 1; run <= (Boolean.getBoolean("bench.skipCrl") ? 0 : 2); run++) {
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
                long usedBefore = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                crls.revocationChanged(new com.ramparts.pki.revocation.RevocationChanged("issuing", serials.getFirst(),
                        com.ramparts.pki.revocation.RevocationReason.keyCompromise, "bench")); // makes the full CRL due
                CrlPublisher.Published crl = crls.current("issuing");
                double took = (System.nanoTime() - start) / 1e9;
                long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                long oldPeak = heap.stream().filter(p -> p.getName().contains("Old")).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.gc();
                long usedAfter = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
                BenchService.print("CRL run %d: %d entries, %d bytes, generated in %.1f s; heap in use before %d MB, after (GC) %d MB; "
                                + "peak during: old generation %d MB, all pools summed (young garbage included) %d MB; max heap %d MB",
                        run, crl.crl().entries(), java.nio.file.Files.size(crl.file()), took, usedBefore >> 20, usedAfter >> 20, oldPeak >> 20,
                        peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
            if (presign == 0) {
                return;
            }

            OcspPresigner presigner = service.bean(OcspPresigner.class);
            long p0 = System.nanoTime();
            int signed = presigner.refresh(presign);
            double presignTook = (System.nanoTime() - p0) / 1e9;
            BenchService.print("pre-signed %d OCSP responses in %.1f s (%.0f/s)", signed, presignTook, signed / presignTook);

            CertificateID.class.getName();
            var sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            SecureRandom random = new SecureRandom();
            List<byte[]> plain = new ArrayList<>();
            List<byte[]> nonced = new ArrayList<>();
            List<BigInteger> ready = jdbc.queryForList("SELECT serial_number FROM ocsp_response", String.class).stream()
                    .map(s -> new BigInteger(s, 16)).toList();
            for (int i = 0; i < 5000; i++) {
                BigInteger serial = ready.get(random.nextInt(ready.size())); // the pre-signed ones: the lowest serials when only part is pre-signed
                CertificateID id = new CertificateID(sha1, ca.certificate(), serial);
                plain.add(new OCSPReqBuilder().addRequest(id).build().getEncoded());
                byte[] nonce = new byte[16];
                random.nextBytes(nonce);
                nonced.add(new OCSPReqBuilder().addRequest(id).setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(
                        new org.bouncycastle.asn1.x509.Extension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                                new org.bouncycastle.asn1.DEROctetString(nonce).getEncoded()))).build().getEncoded());
            }
            String url = "http://127.0.0.1:" + service.port + "/ocsp";
            load("warm-up", url, plain, 5, concurrency);
            load("OCSP without nonce (pre-signed, RFC 5019)", url, plain, seconds, concurrency);
            load("OCSP with nonce (signed per request)", url, nonced, seconds, concurrency);
            load("OCSP without nonce again (drift check)", url, plain, seconds, concurrency);
        }
    }

    static List<BigInteger> insert(JdbcTemplate jdbc, int count) {
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var notBefore = now.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        var notAfter = now.plus(365, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        var revokedAt = now.minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
        List<BigInteger> serials = new ArrayList<>(count);
        List<Object[]> batch = new ArrayList<>();
        byte[] der = new byte[]{0x30, 0x00}; // OCSP and CRLs never read the certificate itself
        for (int i = 0; i < count; i++) {
            BigInteger serial = new BigInteger(127, random).setBit(126);
            serials.add(serial);
            batch.add(new Object[]{SerialNumbers.hex(serial), "CN=bench-" + i, notBefore, notAfter, revokedAt, notBefore, der});
            if (batch.size() == 5000 || i == count - 1) {
                jdbc.batchUpdate("INSERT INTO certificate (serial_number, ca_name, profile, subject, not_before, not_after, status, revoked_at, "
                        + "revocation_reason, revoked_by, issued_at, requested_by, public_key_sha256, der) VALUES (?, 'issuing', 'server-tls', ?, ?, ?, "
                        + "'REVOKED', ?, 1, 'bench', ?, 'bench', '0000000000000000000000000000000000000000000000000000000000000000', ?)", batch);
                batch.clear();
            }
        }
        return serials;
    }

    /** Sends the requests round robin from {@code concurrency} virtual threads for {@code seconds}; prints rate and latency percentiles. */
    static void load(String name, String url, List<byte[]> requests, int seconds, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> results = new ArrayList<>();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            int offset = c * 997;
            results.add(threads.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                long[] out = latencies;
                while (!stop.get()) {
                    byte[] body = requests.get((offset + n) % requests.size());
                    long begin = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/ocsp-request")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - begin;
                    if (response.statusCode() != 200 || new OCSPResp(response.body()).getStatus() != 0) {
                        throw new IllegalStateException("OCSP answered " + response.statusCode());
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = took;
                }
                return Arrays.copyOf(out, n);
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        threads.shutdown();
        BenchService.print("%s: %d responses in %.1f s = %.0f/s with %d concurrent; latency p50 %.2f ms, p99 %.2f ms, max %.1f ms", name,
                latencies.length, elapsed, latencies.length / elapsed, concurrency, latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
    }
}
