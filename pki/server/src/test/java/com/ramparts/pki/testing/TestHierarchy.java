package com.ramparts.pki.testing;

import com.ramparts.pki.cli.PkiCli;
import com.ramparts.pki.x509.KeyAlgorithm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A root and an issuing CA made through the real CLI ceremonies (init-root, init-issuing,
 * sign-issuing, install-issuing) in a temporary directory, once per key-type pair per test JVM.
 */
public record TestHierarchy(Path directory, Path rootCertificate, Path rootKeystore, Path issuingKeystore, Path issuingChain,
                            Path passphraseFile, String passphrase) {

    private static final Map<String, TestHierarchy> MADE = new ConcurrentHashMap<>();

    /** ECDSA P-384 root, ECDSA P-256 issuing CA. */
    public static TestHierarchy shared() {
        return of(KeyAlgorithm.EC_P384, KeyAlgorithm.EC_P256);
    }

    public static TestHierarchy of(KeyAlgorithm root, KeyAlgorithm issuing) {
        return MADE.computeIfAbsent(root + "/" + issuing, key -> create(root, issuing));
    }

    public static TestHierarchy create(KeyAlgorithm root, KeyAlgorithm issuing) {
        try {
            Path directory = Files.createTempDirectory("pki-hierarchy-");
            String passphrase = "correct horse battery staple " + System.nanoTime();
            Path passphraseFile = directory.resolve("passphrase");
            Files.writeString(passphraseFile, passphrase + "\n");
            Files.setPosixFilePermissions(passphraseFile, PosixFilePermissions.fromString("rw-------"));
            TestHierarchy hierarchy = new TestHierarchy(directory, directory.resolve("root.pem"), directory.resolve("root.p12"),
                    directory.resolve("issuing.p12"), directory.resolve("issuing-chain.pem"), passphraseFile, passphrase);
            hierarchy.cli("ca", "init-root", "--subject", "C=VN,O=Ramparts Test City,CN=Ramparts Test Root CA",
                    "--key-type", root.name(), "--keystore", hierarchy.rootKeystore.toString(),
                    "--passphrase-file", passphraseFile.toString(), "--certificate-out", hierarchy.rootCertificate.toString());
            Path csr = directory.resolve("issuing.csr");
            hierarchy.cli("ca", "init-issuing", "--subject", "C=VN,O=Ramparts Test City,CN=Ramparts Test Issuing CA 1",
                    "--key-type", issuing.name(), "--keystore", hierarchy.issuingKeystore.toString(),
                    "--passphrase-file", passphraseFile.toString(), "--csr-out", csr.toString());
            hierarchy.cli("ca", "sign-issuing", "--root-keystore", hierarchy.rootKeystore.toString(),
                    "--root-passphrase-file", passphraseFile.toString(), "--csr", csr.toString(), "--validity", "5y",
                    "--certificate-out", hierarchy.issuingChain.toString());
            hierarchy.cli("ca", "install-issuing", "--keystore", hierarchy.issuingKeystore.toString(),
                    "--passphrase-file", passphraseFile.toString(), "--certificate", hierarchy.issuingChain.toString(),
                    "--root", hierarchy.rootCertificate.toString());
            return hierarchy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the CLI; fails with its output unless it exits 0. Returns stdout + stderr. */
    public String cli(String... args) {
        CliRun run = run(args);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("pki " + String.join(" ", args) + " exited " + run.exitCode() + ": " + run.output());
        }
        return run.output();
    }

    public record CliRun(int exitCode, String output) {
    }

    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        int code;
        try (PrintWriter writer = new PrintWriter(out, true)) {
            code = PkiCli.execute(writer, writer, args);
        }
        return new CliRun(code, out.toString());
    }

    /** The Spring properties that make the service use this hierarchy's issuing CA under the name {@code issuing}. */
    public Map<String, String> serviceProperties() {
        return Map.of("ramparts.pki.cas.issuing.keystore", issuingKeystore.toString(),
                "ramparts.pki.cas.issuing.passphrase-file", passphraseFile.toString());
    }
}
