package com.ramparts.pki.crl;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.inventory.RevokedEntry;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.TestHierarchy;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrlWriterTest {

    static CaSigner ca;
    static Path directory;

    @BeforeAll
    static void issuingCa() throws Exception {
        TestHierarchy hierarchy = TestHierarchy.shared();
        try (Passphrase passphrase = Passphrase.fromFile(hierarchy.passphraseFile())) {
            ca = Pkcs12CaSigner.load("issuing", hierarchy.issuingKeystore(), passphrase);
        }
        directory = Files.createTempDirectory("crl-");
    }

    @Test
    void streamedCrlIsSignedByTheCaAndListsEachEntryWithItsReason() throws Exception {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        List<RevokedEntry> entries = List.of(
                new RevokedEntry(new BigInteger("1234567890abcdef1234", 16), now.minusSeconds(3600), CRLReason.keyCompromise),
                new RevokedEntry(new BigInteger("77", 16), now.minusSeconds(60), CRLReason.unspecified),
                new RevokedEntry(new BigInteger("7fffffffffffffffffffffffffffffff", 16), now, CRLReason.certificateHold));
        Path file = directory.resolve("three.crl");
        CrlWriter.Written written = CrlWriter.write(ca, 42, now, now.plusSeconds(86400), sink -> entries.forEach(sink), file);
        assertThat(written.entries()).isEqualTo(3);

        X509CRL crl = parse(file);
        crl.verify(new JcaX509CertificateConverter().getCertificate(ca.certificate()).getPublicKey());
        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(now);
        assertThat(crl.getRevokedCertificates()).hasSize(3);
        assertThat(crl.getRevokedCertificate(new BigInteger("1234567890abcdef1234", 16)).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificate(new BigInteger("77", 16)).getRevocationReason()).isNull();
        assertThat(crl.getRevokedCertificate(new BigInteger("7fffffffffffffffffffffffffffffff", 16)).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.CERTIFICATE_HOLD);

        OpenSsl.Result text = OpenSsl.run("crl", "-inform", "DER", "-in", file.toString(), "-noout", "-text");
        assertThat(text.exitCode()).isZero();
        assertThat(text.output()).contains("X509v3 CRL Number: \n                42")
                .contains("Serial Number: 1234567890ABCDEF1234").contains("Key Compromise")
                .contains("Serial Number: 77").contains("Certificate Hold").contains("X509v3 Authority Key Identifier");
    }

    @Test
    void crlWithoutRevocationsOmitsTheListAsRfc5280Requires() throws Exception {
        Path file = directory.resolve("empty.crl");
        Instant now = Instant.now();
        CrlWriter.write(ca, 1, now, now.plusSeconds(3600), sink -> { }, file);
        X509CRL crl = parse(file);
        crl.verify(new JcaX509CertificateConverter().getCertificate(ca.certificate()).getPublicKey());
        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(OpenSsl.run("crl", "-inform", "DER", "-in", file.toString(), "-noout", "-text").output()).contains("No Revoked Certificates");
    }

    @Test
    void aHundredThousandEntriesStreamIntoOneValidCrl() throws Exception {
        Path file = directory.resolve("large.crl");
        Instant now = Instant.now();
        int count = 100_000;
        CrlWriter.write(ca, 7, now, now.plusSeconds(3600), sink -> {
            for (int i = 1; i <= count; i++) {
                sink.accept(new RevokedEntry(BigInteger.valueOf(i).shiftLeft(64).add(BigInteger.valueOf(i)), now, i % 2 == 0
                        ? CRLReason.superseded : CRLReason.unspecified));
            }
        }, file);
        X509CRL crl = parse(file);
        crl.verify(new JcaX509CertificateConverter().getCertificate(ca.certificate()).getPublicKey());
        assertThat(crl.getRevokedCertificates()).hasSize(count);
        assertThat(directory).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void derLengthsUseTheShortestForm() {
        assertThat(CrlWriter.header(0x30, 127)).containsExactly(0x30, 127);
        assertThat(CrlWriter.header(0x30, 128)).containsExactly(0x30, 0x81, 0x80);
        assertThat(CrlWriter.header(0x30, 65536)).containsExactly(0x30, 0x83, 0x01, 0x00, 0x00);
    }

    private static X509CRL parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }
}
