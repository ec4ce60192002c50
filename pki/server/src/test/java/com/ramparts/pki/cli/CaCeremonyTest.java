package com.ramparts.pki.cli;

import com.ramparts.pki.ca.CaCertificates;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The key ceremonies, run through the real command line and checked by openssl. */
class CaCeremonyTest {

    @ParameterizedTest
    @CsvSource({"EC_P384, EC_P256", "RSA_4096, RSA_2048", "EC_P256, RSA_3072", "RSA_2048, EC_P384"})
    void rootAndIssuingCaMadeThroughTheCsrRoundTripVerifyWithOpenSsl(KeyAlgorithm root, KeyAlgorithm issuing) throws Exception {
        TestHierarchy hierarchy = TestHierarchy.create(root, issuing);
        List<X509CertificateHolder> chain = Pem.decodeCertificates(Files.readString(hierarchy.issuingChain()));
        Path issuingPem = hierarchy.directory().resolve("issuing-only.pem");
        Files.writeString(issuingPem, Pem.certificate(chain.getFirst()));

        OpenSsl.Result verify = OpenSsl.run("verify", "-x509_strict", "-CAfile", hierarchy.rootCertificate().toString(), issuingPem.toString());
        assertThat(verify.output()).contains(": OK");
        assertThat(verify.exitCode()).isZero();
        assertThat(BasicConstraints.fromExtensions(chain.getFirst().getExtensions()).getPathLenConstraint()).isZero();

        try (Passphrase passphrase = Passphrase.fromFile(hierarchy.passphraseFile())) {
            Pkcs12CaSigner installed = Pkcs12CaSigner.load("issuing", hierarchy.issuingKeystore(), passphrase);
            assertThat(installed.algorithm()).isEqualTo(issuing);
            assertThat(installed.chain()).containsExactlyElementsOf(chain);
        }
    }

    @Test
    void keystoresAreEncryptedWithAes256AndOpenOnlyWithThePassphrase() {
        TestHierarchy hierarchy = TestHierarchy.shared();
        OpenSsl.Result info = OpenSsl.run("pkcs12", "-in", hierarchy.rootKeystore().toString(), "-info", "-nokeys", "-nocerts",
                "-passin", "file:" + hierarchy.passphraseFile());
        assertThat(info.output()).contains("PBES2").contains("AES-256-CBC").contains("hmacWithSHA256");
        OpenSsl.Result wrong = OpenSsl.run("pkcs12", "-in", hierarchy.rootKeystore().toString(), "-info", "-nokeys", "-passin",
                "pass:not-the-passphrase");
        assertThat(wrong.exitCode()).isNotZero();
    }

    @Test
    void thePassphraseNeverAppearsInTheOutput() throws Exception {
        Path directory = Files.createTempDirectory("ceremony-");
        Path passphrase = ownerOnly(directory.resolve("pass"), "a passphrase nobody may see 42");
        TestHierarchy.CliRun run = TestHierarchy.run("ca", "init-root", "--subject", "C=VN,CN=Quiet Root", "--keystore",
                directory.resolve("root.p12").toString(), "--passphrase-file", passphrase.toString(),
                "--certificate-out", directory.resolve("root.pem").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("root CA: C=VN,CN=Quiet Root").doesNotContain("nobody may see");
        TestHierarchy.CliRun wrong = TestHierarchy.run("ca", "sign-issuing", "--root-keystore", directory.resolve("root.p12").toString(),
                "--root-passphrase-file", ownerOnly(directory.resolve("wrong"), "the wrong passphrase").toString(),
                "--csr", TestHierarchy.shared().directory().resolve("issuing.csr").toString(),
                "--certificate-out", directory.resolve("out.pem").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.output()).contains("Cannot open keystore").contains("wrong passphrase").doesNotContain("the wrong passphrase\n");
        assertThat(directory.resolve("out.pem")).doesNotExist();
    }

    @Test
    void ceremoniesRefuseWeakPassphrasesUnsafeFilesAndOverwriting() throws Exception {
        Path directory = Files.createTempDirectory("ceremony-");
        Path weak = ownerOnly(directory.resolve("weak"), "short");
        TestHierarchy.CliRun tooShort = initRoot(directory, weak);
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.output()).contains("at least 12 characters").contains("[keystore.passphrase_too_short]");
        assertThat(directory.resolve("root.p12")).doesNotExist();

        Path open = directory.resolve("open");
        Files.writeString(open, "long enough passphrase here");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(initRoot(directory, open).output()).contains("chmod 600");

        Path good = ownerOnly(directory.resolve("good"), "long enough passphrase here");
        assertThat(initRoot(directory, good).exitCode()).isZero();
        byte[] first = Files.readAllBytes(directory.resolve("root.p12"));
        TestHierarchy.CliRun again = initRoot(directory, good);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("already exists");
        assertThat(Files.readAllBytes(directory.resolve("root.p12"))).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("root.p12")))).isEqualTo("rw-------");
    }

    @Test
    void installRefusesAChainForAnotherKeyOrAnotherRoot() throws Exception {
        TestHierarchy mine = TestHierarchy.shared();
        TestHierarchy other = TestHierarchy.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_P256);
        Path copy = Files.createTempDirectory("install-").resolve("issuing.p12");
        Files.copy(mine.issuingKeystore(), copy);
        TestHierarchy.CliRun foreignChain = TestHierarchy.run("ca", "install-issuing", "--keystore", copy.toString(),
                "--passphrase-file", mine.passphraseFile().toString(), "--certificate", other.issuingChain().toString(),
                "--root", other.rootCertificate().toString());
        assertThat(foreignChain.exitCode()).isEqualTo(1);
        assertThat(foreignChain.output()).contains("[ca.certificate_mismatch]");
        TestHierarchy.CliRun foreignRoot = TestHierarchy.run("ca", "install-issuing", "--keystore", copy.toString(),
                "--passphrase-file", mine.passphraseFile().toString(), "--certificate", mine.issuingChain().toString(),
                "--root", other.rootCertificate().toString());
        assertThat(foreignRoot.exitCode()).isEqualTo(1);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(mine.issuingKeystore()));
    }

    @Test
    void anIssuingKeystoreAwaitingTheRootHoldsNoCaCertificate() throws Exception {
        Path directory = Files.createTempDirectory("pending-");
        Path passphrase = ownerOnly(directory.resolve("pass"), "long enough passphrase here");
        TestHierarchy.run("ca", "init-issuing", "--subject", "C=VN,CN=Pending", "--keystore", directory.resolve("i.p12").toString(),
                "--passphrase-file", passphrase.toString(), "--csr-out", directory.resolve("i.csr").toString());
        try (Passphrase secret = Passphrase.fromFile(passphrase)) {
            assertThat(CaCertificates.isCaCertificate(Pkcs12CaSigner.load("i", directory.resolve("i.p12"), secret).certificate())).isFalse();
        }
        assertThat(OpenSsl.run("req", "-in", directory.resolve("i.csr").toString(), "-verify", "-noout").output()).contains("verify OK");
    }

    @Test
    void theJarRunsTheCommandLineForCommandsAndTheServiceForOptions() {
        assertThat(PkiCli.handles(new String[]{"ca", "init-root"})).isTrue();
        assertThat(PkiCli.handles(new String[]{"--help"})).isTrue();
        assertThat(PkiCli.handles(new String[]{"--ramparts.pki.data-dir=/x"})).isFalse();
        assertThat(PkiCli.handles(new String[0])).isFalse();
    }

    private static TestHierarchy.CliRun initRoot(Path directory, Path passphrase) {
        return TestHierarchy.run("ca", "init-root", "--subject", "C=VN,CN=Test Root", "--keystore", directory.resolve("root.p12").toString(),
                "--passphrase-file", passphrase.toString(), "--certificate-out", directory.resolve("root-" + System.nanoTime() + ".pem").toString());
    }

    private static Path ownerOnly(Path file, String content) throws Exception {
        Files.writeString(file, content + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
