package com.ramparts.soc.unit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How soc reads pki's answers: what it takes, and the malformed, truncated, oversized and hostile answers it refuses
 * with a reason (a refusal fails the whole sync, so nothing is half-written; see {@link UnitSyncAgainstPkiTest}).
 */
class PkiAnswersTest {

    private static List<PkiRegistry.PkiUnit> units(String json) throws PkiFetchException {
        return PkiClient.readUnits(PkiClient.json(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<PkiRegistry.UnitSeal> seals(String json) throws PkiFetchException {
        return PkiClient.readSeals(PkiClient.json(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String SEAL = "{\"serialNumber\":\"7f3a\",\"status\":\"VALID\",\"subject\":\"%s\","
            + "\"notBefore\":\"2026-01-01T00:00:00Z\",\"notAfter\":\"2029-01-01T00:00:00Z\",\"issuedAt\":\"2026-01-01T00:00:00Z\"}";

    @Test
    void unitsAndSealsAsPkiWritesThem() throws Exception {
        assertThat(units("[{\"code\":\"BN-01\",\"name\":\"Phường Bến Nghé\",\"parentCode\":\"Q1\",\"allowedDomains\":[]},"
                + "{\"code\":\"HCM\",\"name\":\"TP\",\"parentCode\":null,\"allowedDomains\":[\"hcm.gov.vn\"]}]"))
                .containsExactly(new PkiRegistry.PkiUnit("BN-01", "Phường Bến Nghé", "Q1"), new PkiRegistry.PkiUnit("HCM", "TP", null));
        assertThat(seals("{\"items\":[" + SEAL.formatted("C=VN,L=HCM,O=Ben Nghe,2.5.4.97=BN-01,CN=Ben Nghe") + "],\"next\":null}"))
                .singleElement().satisfies(seal -> {
                    assertThat(seal.unitCode()).isEqualTo("BN-01");
                    assertThat(seal.certificate().serial()).isEqualTo("7f3a");
                });
    }

    @Test
    void theUnitOfASealIsItsOrganizationIdentifierInAnyRfc4514Spelling() {
        assertThat(PkiClient.unitOf("C=VN,O=X,organizationIdentifier=BN-01,CN=Y")).isEqualTo("BN-01");
        assertThat(PkiClient.unitOf("C=VN,O=X,2.5.4.97=BN-01,CN=Y")).isEqualTo("BN-01");
        assertThat(PkiClient.unitOf("C=VN,O=X,2.5.4.97=#0c05424e2d3031,CN=Y")).as("hex-encoded DER UTF8String").isEqualTo("BN-01");
        assertThat(PkiClient.unitOf("C=VN,O=X\\,2.5.4.97=BN-01,CN=Y")).as("inside an escaped value: not an attribute").isNull();
        assertThat(PkiClient.unitOf("C=VN,CN=organizationIdentifier")).isNull();
        assertThat(PkiClient.unitOf("C=VN,2.5.4.97=BN 01;DROP")).as("not an identifier").isNull();
        assertThat(PkiClient.unitOf("2.5.4.97=#0c7f41")).as("a DER length beyond the bytes").isNull();
        assertThat(PkiClient.unitOf("2.5.4.97=#zz")).isNull();
    }

    @Test
    void malformedAndTruncatedAnswersAreRefused() {
        assertThatThrownBy(() -> units("[{\"code\":\"BN-01\",\"name\":\"Ph")).isInstanceOf(PkiFetchException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> units("<html>502 Bad Gateway</html>")).isInstanceOf(PkiFetchException.class);
        assertThatThrownBy(() -> units("{\"code\":\"BN-01\"}")).hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> units("[{\"name\":\"no code\"}]")).hasMessageContaining("no code");
        assertThatThrownBy(() -> units("[{\"code\":42,\"name\":\"x\"}]")).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> units("[{\"code\":\"A\",\"name\":\"x\"},{\"code\":\"A\",\"name\":\"y\"}]")).hasMessageContaining("twice");
        assertThatThrownBy(() -> seals("{\"items\":{}}")).hasMessageContaining("expected {\"items\"");
        assertThatThrownBy(() -> seals("[]")).hasMessageContaining("expected {\"items\"");
        assertThatThrownBy(() -> seals("{\"items\":[" + SEAL.formatted("2.5.4.97=A").replace("\"VALID\"", "\"SUSPENDED\"") + "]}"))
                .hasMessageContaining("unknown status SUSPENDED");
        assertThatThrownBy(() -> seals("{\"items\":[" + SEAL.formatted("2.5.4.97=A").replace("2029-01-01T00:00:00Z", "soon") + "]}"))
                .hasMessageContaining("no valid notAfter");
    }

    @Test
    void oversizedAndHostileValuesAreRefused() {
        assertThatThrownBy(() -> units("[{\"code\":\"" + "A".repeat(65) + "\",\"name\":\"x\"}]")).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> units("[{\"code\":\"../../etc\",\"name\":\"x\"}]")).hasMessageContaining("is not 1 to 64");
        assertThatThrownBy(() -> units("[{\"code\":\"A\",\"name\":\"" + "n".repeat(257) + "\"}]")).hasMessageContaining("1 to 256");
        assertThatThrownBy(() -> units("[{\"code\":\"A\",\"name\":\"bell\\u0007\"}]")).hasMessageContaining("printable");
        assertThatThrownBy(() -> units("[{\"code\":\"A\",\"name\":\"   \"}]")).hasMessageContaining("printable");
        assertThatThrownBy(() -> units("[".repeat(100) + "]".repeat(100))).hasMessageContaining("not JSON"); // nesting bomb
        assertThatThrownBy(() -> seals("{\"items\":[" + SEAL.formatted("2.5.4.97=A").replace("7f3a", "'; drop table") + "]}"))
                .hasMessageContaining("lower-case hex");
    }

    @Test
    void anOversizedAnswerFromTheRealPkiFailsTheFetch() {
        RealPki pki = RealPki.shared();
        RealPki.Token token = pki.token("soc-tiny-limit", "ADMIN");
        PkiClient client = new PkiClient(pki.url(), token.secret(), Duration.ofSeconds(10), 16);
        assertThatThrownBy(client::fetch).isInstanceOf(PkiFetchException.class).hasMessageContaining("larger than 16 bytes");
        PkiClient unreachable = new PkiClient(java.net.URI.create("http://127.0.0.1:1"), token.secret(), Duration.ofSeconds(2), 1 << 20);
        assertThatThrownBy(unreachable::fetch).isInstanceOf(PkiFetchException.class).hasMessageContaining("ConnectException");
    }
}
