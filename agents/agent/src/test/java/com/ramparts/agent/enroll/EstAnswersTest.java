package com.ramparts.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What the EST client does with answers that are not certs-only PKCS#7 (the real exchange: AgentTlsIT). */
class EstAnswersTest {

    @Test
    void garbageTruncatedAndEmptyAnswersAreRefusedClearly() {
        assertThatThrownBy(() -> EstClient.certificates("%%% not base64".getBytes(StandardCharsets.US_ASCII), "cacerts"))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("not base64");
        byte[] notPkcs7 = Base64.getMimeEncoder().encode("hello".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> EstClient.certificates(notPkcs7, "cacerts"))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("not a certs-only PKCS#7");
        assertThatThrownBy(() -> EstClient.certificates(new byte[] {0x30, (byte) 0x82, 0x10, 0x00, 0x06}, "simpleenroll"))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("simpleenroll");
        assertThatThrownBy(() -> EstClient.certificates(new byte[0], "cacerts")).isInstanceOf(EnrolmentException.class);
    }

    @Test
    void onlyHttpsPkiUrlsAreAccepted() {
        assertThatThrownBy(() -> new EstClient(URI.create("http://pki:8081"))).hasMessageContaining("https");
        assertThatThrownBy(() -> new EstClient(URI.create("pki:8081"))).hasMessageContaining("https");
        assertThat(new EstClient(URI.create("https://pki:8443/")).base()).hasToString("https://pki:8443");
    }
}
