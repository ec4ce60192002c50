package com.ramparts.pki.bench;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.testsupport.TestPostgres;
import org.bouncycastle.operator.ContentSigner;

import java.io.OutputStream;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Certificates/s through {@link IssuanceService#issue} (profile check, signing, insert, audit entry,
 * all in one transaction) against ECDSA signatures/s of the same issuing key, measured in one run.
 * Arguments: {@code [pg|h2] [seconds] [threads]}.
 */
public final class IssuanceBenchmark {

    public static void main(String[] args) throws Exception {
        boolean postgres = args.length == 0 || args[0].equals("pg");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String url = postgres ? TestPostgres.newSchema().jdbcUrlWithSchema() : null;
        try (BenchService service = new BenchService(url, Map.of("ramparts.pki.ocsp.presigned.enabled", "false"))) {
            IssuanceService issuance = service.bean(IssuanceService.class);
            CaSigner ca = service.bean(CertificateAuthorities.class).require("issuing");
            List<byte[]> csrs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                KeyPair key = TestCsrs.generate("EC", new java.security.spec.ECGenParameterSpec("secp256r1"));
                csrs.add(TestCsrs.der(key, "SHA256withECDSA", "CN=bench-" + i + ".hcm.gov.vn", TestCsrs.dns("bench-" + i + ".hcm.gov.vn")));
            }
            byte[] tbs = TestCsrs.der(KeyAlgorithm.EC_P256, "CN=tbs.hcm.gov.vn"); // a TBS-sized message (~300 bytes)
            run("warm-up issuance", 5, threads, n -> issuance.issue(new IssuanceRequest(csrs.get(n % csrs.size()), "server-tls", null, "bench")));
            run("warm-up signing", 5, threads, n -> sign(ca, tbs));
            double issued = run("issuance through IssuanceService", seconds, threads,
                    n -> issuance.issue(new IssuanceRequest(csrs.get(n % csrs.size()), "server-tls", null, "bench")));
            double signed = run("raw ECDSA P-256 signatures, same key", seconds, threads, n -> sign(ca, tbs));
            BenchService.print("database %s, %d threads: issuance %.0f/s, raw signatures %.0f/s, ratio %.0f%%", postgres ? "PostgreSQL" : "H2",
                    threads, issued, signed, 100 * issued / signed);
        }
    }

    static void sign(CaSigner ca, byte[] tbs) {
        try {
            ContentSigner signer = ca.contentSigner();
            try (OutputStream out = signer.getOutputStream()) {
                out.write(tbs);
            }
            signer.getSignature();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    interface Operation {
        void run(int n) throws Exception;
    }

    /** @return operations per second over all threads */
    static double run(String name, int seconds, int threads, Operation operation) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 100_000;
            counts.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    operation.run((int) (offset + n));
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double rate = total / elapsed;
        BenchService.print("%s: %d in %.1f s = %.0f/s", name, total, elapsed, rate);
        return rate;
    }
}
