package com.ramparts.soc.response;

import com.ramparts.runtime.host.Ports;
import com.ramparts.soc.config.SocProperties;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** soc's pki client against the real pki process: tokens, refusals, and a pki that is not there. */
class PkiRevocationsTest {

    private static SocProperties.Pki settings(URI url, String token, Path tokenFile) {
        return new SocProperties.Pki(url, token, tokenFile, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void aTokenFromAFileRevokesAndTheAnswerIsPkisOwn() throws Exception {
        PkiProcess pki = PkiProcess.shared();
        Path tokenFile = Files.createTempFile("pki-token-", "");
        Files.writeString(tokenFile, pki.createToken("soc-client-test") + "\n");
        String serial = pki.issueAgentCertificate("site-client-" + System.nanoTime() % 100000);

        PkiRevocations.Revoked revoked = new PkiRevocations(settings(pki.url(), null, tokenFile)).revoke(serial, "privilegeWithdrawn");

        assertThat(revoked.serial()).isEqualTo(serial);
        assertThat(revoked.status()).isEqualTo("REVOKED");
        assertThat(revoked.reason()).isEqualTo("privilegeWithdrawn");
        assertThat(pki.certificate(serial).get("revocationReason").asString()).isEqualTo("privilegeWithdrawn");
    }

    @Test
    void aTokenPkiDoesNotKnowIsRefusedAndRevokesNothing() {
        PkiProcess pki = PkiProcess.shared();
        String serial = pki.issueAgentCertificate("site-badtoken-" + System.nanoTime() % 100000);
        PkiRevocations client = new PkiRevocations(settings(pki.url(), "rpk_" + "A".repeat(43), null));

        assertThatThrownBy(() -> client.revoke(serial, "keyCompromise")).isInstanceOfSatisfying(ResponseException.class,
                e -> assertThat(e.code()).isEqualTo(ResponseException.Code.PKI_REFUSED));
        assertThat(pki.certificate(serial).get("status").asString()).isEqualTo("VALID");
    }

    @Test
    void aPkiThatDoesNotAnswerIsUnavailableAndAMissingOneIsNotConfigured() {
        URI nowhere = URI.create("http://127.0.0.1:" + Ports.freePort());
        assertThatThrownBy(() -> new PkiRevocations(settings(nowhere, "rpk_x", null)).revoke("1a", "keyCompromise"))
                .isInstanceOfSatisfying(ResponseException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseException.Code.PKI_UNAVAILABLE));
        PkiRevocations unset = new PkiRevocations(settings(null, null, null));
        assertThat(unset.configured()).isFalse();
        assertThatThrownBy(() -> unset.revoke("1a", "keyCompromise")).isInstanceOfSatisfying(ResponseException.class,
                e -> assertThat(e.code()).isEqualTo(ResponseException.Code.PKI_NOT_CONFIGURED));
    }

    @Test
    void serialsAreNormalisedToPkisFormAndAnythingElseIsRefused() {
        assertThat(CertificateSerial.parse("0x00:1A:2b")).isEqualTo("1a2b");
        assertThat(CertificateSerial.parse(" 7F3C ")).isEqualTo("7f3c");
        assertThat(CertificateSerial.parse("f".repeat(40))).hasSize(40);
        for (String bad : new String[]{null, "", "  ", "0", "1a::2b", ":1a", "1a/..", "Ⅻ", "٣", "1a\u00002b", "f".repeat(41)}) {
            assertThatThrownBy(() -> CertificateSerial.parse(bad)).as(String.valueOf(bad)).isInstanceOfSatisfying(ResponseException.class,
                    e -> assertThat(e.code()).isEqualTo(ResponseException.Code.INVALID_SERIAL));
        }
        assertThat(CertificateSerial.reason(null)).isEqualTo("keyCompromise");
        assertThatThrownBy(() -> CertificateSerial.reason("removeFromCRL")).isInstanceOf(ResponseException.class);
        assertThatThrownBy(() -> CertificateSerial.reason("certificateHold")).isInstanceOf(ResponseException.class);
    }
}
