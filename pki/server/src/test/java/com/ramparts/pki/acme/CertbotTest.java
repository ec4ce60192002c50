package com.ramparts.pki.acme;

import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.testing.Commands;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACME end to end with Debian's certbot as the client: an IT officer's certbot, bound to its unit with
 * an external account binding key, gets a server-tls certificate in standalone mode (its own http-01
 * server on loopback), then revokes it; openssl checks the chain and sees the revocation in the CRL.
 */
class CertbotTest extends AcmeServer {

    @Autowired
    CertificateInventory inventory;

    @BeforeAll
    static void tools() {
        Commands.require("certbot", "certbot");
        Commands.require("curl", "curl");
        OpenSsl.requireInstalled();
    }

    @Test
    void certbotGetsAServerCertificateForItsUnitsNameAndRevokesIt() throws Exception {
        Path directory = directory("certbot");
        JsonNode key = eabKey("BN-01");
        long before = inventory.count();

        Commands.Result issued = certbot(directory, "certonly", "--standalone", "--http-01-port", String.valueOf(HTTP01_PORT),
                "--http-01-address", "127.0.0.1", "--agree-tos", "--register-unsafely-without-email",
                "--eab-kid", key.get("keyId").asString(), "--eab-hmac-key", key.get("hmacKey").asString(), "-d", PORTAL);
        assertThat(issued.exitCode()).as(issued.output()).isZero();
        assertThat(issued.output()).contains("Successfully received certificate");

        Path live = directory.resolve("config/live/" + PORTAL);
        Commands.Result verified = Commands.run(live, "openssl", "verify", "-x509_strict", "-purpose", "sslserver",
                "-CAfile", TLS.rootPem().toString(), "-untrusted", "chain.pem", "cert.pem");
        assertThat(verified.output()).isEqualTo("cert.pem: OK\n");
        assertThat(Commands.ok(live, "openssl", "x509", "-in", "cert.pem", "-noout", "-ext", "subjectAltName,extendedKeyUsage"))
                .contains("DNS:" + PORTAL).contains("TLS Web Server Authentication");
        // the key certbot made is the certificate's: openssl derives the same public key from both
        assertThat(Commands.ok(live, "openssl", "x509", "-in", "cert.pem", "-noout", "-pubkey"))
                .isEqualTo(Commands.ok(live, "openssl", "pkey", "-in", "privkey.pem", "-pubout"));

        X509CertificateHolder certificate = Pem.decodeCertificates(Files.readString(live.resolve("cert.pem"))).getFirst();
        CertificateRecord record = inventory.find(certificate.getSerialNumber()).orElseThrow();
        assertThat(record.profile()).isEqualTo("server-tls");
        assertThat(record.requestedBy()).startsWith("acme:").endsWith(":BN-01");
        assertThat(record.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(inventory.count()).isEqualTo(before + 1);

        Commands.Result revoked = certbot(directory, "revoke", "--cert-path", live.resolve("cert.pem").toString(),
                "--reason", "keycompromise", "--no-delete-after-revoke");
        assertThat(revoked.exitCode()).as(revoked.output()).isZero();
        assertThat(revoked.output()).contains("Congratulations! You have successfully revoked the certificate");
        CertificateRecord after = inventory.find(certificate.getSerialNumber()).orElseThrow();
        assertThat(after.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(after.revocationReason()).isEqualTo(1);

        // the CA's CRL lists it, and openssl's CRL check refuses the chain
        Commands.ok(live, "curl", "-sS", "--cacert", TLS.rootPem().toString(), "-o", "issuing.crl", BASE + "/crl/issuing.crl");
        Commands.ok(live, "openssl", "crl", "-inform", "DER", "-in", "issuing.crl", "-out", "issuing-crl.pem");
        Files.writeString(live.resolve("trust.pem"), Files.readString(TLS.rootPem()) + Files.readString(live.resolve("chain.pem")));
        Commands.Result crlCheck = Commands.run(live, "openssl", "verify", "-crl_check", "-CAfile", "trust.pem",
                "-CRLfile", "issuing-crl.pem", "cert.pem");
        assertThat(crlCheck.output()).contains("certificate revoked");
        assertThat(crlCheck.exitCode()).isNotZero();

        // revoking again is refused with the protocol's own error
        Commands.Result again = certbot(directory, "revoke", "--cert-path", live.resolve("cert.pem").toString(), "--no-delete-after-revoke");
        assertThat(again.exitCode()).isNotZero();
        assertThat(certbotLog(directory)).contains("urn:ietf:params:acme:error:alreadyRevoked");
    }

    @Test
    void certbotIsRefusedANameOutsideItsUnitsDomainsAndWithoutABinding() throws Exception {
        Path directory = directory("certbot-refused");
        JsonNode key = eabKey("BN-01");
        long before = inventory.count();
        Commands.Result otherUnit = certbot(directory, "certonly", "--standalone", "--http-01-port", String.valueOf(HTTP01_PORT),
                "--http-01-address", "127.0.0.1", "--agree-tos", "--register-unsafely-without-email",
                "--eab-kid", key.get("keyId").asString(), "--eab-hmac-key", key.get("hmacKey").asString(), "-d", OTHER_UNIT_NAME);
        assertThat(otherUnit.exitCode()).isNotZero();
        assertThat(certbotLog(directory)).contains("urn:ietf:params:acme:error:rejectedIdentifier")
                .contains(OTHER_UNIT_NAME + " is not within unit BN-01's domains");

        Path unbound = directory("certbot-unbound");
        Commands.Result noBinding = certbot(unbound, "certonly", "--standalone", "--http-01-port", String.valueOf(HTTP01_PORT),
                "--http-01-address", "127.0.0.1", "--agree-tos", "--register-unsafely-without-email", "-d", PORTAL);
        assertThat(noBinding.exitCode()).isNotZero();
        assertThat(noBinding.output() + certbotLog(unbound)).containsIgnoringCase("external account");
        assertThat(inventory.count()).isEqualTo(before);
    }

    /**
     * certbot's log. Debian's certbot 2.1 on Python 3.11 prints "AttributeError: can't set attribute" instead
     * of an ACME server's error (certbot/certbot#9539, fixed in 2.2); the problem document is in its log.
     */
    private static String certbotLog(Path directory) throws java.io.IOException {
        return Files.readString(directory.resolve("logs/letsencrypt.log"));
    }

    private static Commands.Result certbot(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("certbot"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--non-interactive", "--server", DIRECTORY, "--config-dir", directory.resolve("config").toString(),
                "--work-dir", directory.resolve("work").toString(), "--logs-dir", directory.resolve("logs").toString()));
        return Commands.run(directory, certbotEnvironment(), command.toArray(String[]::new));
    }
}
