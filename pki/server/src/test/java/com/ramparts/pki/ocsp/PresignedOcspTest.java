package com.ramparts.pki.ocsp;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.RunningPki;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.ramparts.pki.testing.TestCsrs.dns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pre-signed OCSP responses (RFC 5019) served to openssl, replaced on revocation and before their nextUpdate. */
class PresignedOcspTest extends RunningPki {

    @Autowired OcspPresigner presigner;
    @Autowired OcspResponder responder;
    @Autowired CertificateAuthorities cas;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired PkiProperties properties;

    List<byte[]> stored(String serial) {
        return new JdbcTemplate(dataSource).query("SELECT der FROM ocsp_response WHERE serial_number = ?", (rs, n) -> rs.getBytes(1), serial);
    }

    OpenSsl.Result ocsp(Files3 files, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("ocsp", "-issuer", files.issuing().toString(), "-cert", files.leaf().toString(),
                "-url", CLIENT.base() + "/ocsp", "-CAfile", files.root().toString(), "-respout", out.toString()));
        args.addAll(List.of(extra));
        return OpenSsl.run(args.toArray(String[]::new));
    }

    @Test
    void requestsWithoutANonceGetTheResponseSignedAheadOfTimeAndARevocationReplacesIt() throws Exception {
        JsonNode issued = CLIENT.issue("server-tls", TestCsrs.pem(KeyAlgorithm.EC_P256, "CN=presigned.hcm.gov.vn", dns("presigned.hcm.gov.vn")));
        String serial = issued.get("serialNumber").asString();
        Files3 files = writeForOpenSsl("presigned-" + serial, issued.get("chainPem").asString());
        Path dir = files.leaf().getParent();

        presigner.refresh();
        await().atMost(Duration.ofSeconds(30)).until(() -> !stored(serial).isEmpty()); // the scheduled run may have got there first

        OpenSsl.Result first = ocsp(files, dir.resolve(serial + "-1.der"), "-no_nonce");
        assertThat(first.output()).contains(": good").contains("Response verify OK");
        OpenSsl.Result second = ocsp(files, dir.resolve(serial + "-2.der"), "-no_nonce");
        assertThat(second.output()).contains(": good");
        byte[] firstBytes = Files.readAllBytes(dir.resolve(serial + "-1.der"));
        // the same bytes twice, and the ones in the table: nothing was signed for these requests
        assertThat(Files.readAllBytes(dir.resolve(serial + "-2.der"))).isEqualTo(firstBytes);
        assertThat(stored(serial).getFirst()).isEqualTo(firstBytes);

        // a request with a nonce is signed on the spot and echoes it
        OpenSsl.Result withNonce = ocsp(files, dir.resolve(serial + "-n.der"));
        assertThat(withNonce.output()).contains(": good").contains("Response verify OK").doesNotContain("WARNING: no nonce");
        assertThat(Files.readAllBytes(dir.resolve(serial + "-n.der"))).isNotEqualTo(firstBytes);

        PkiClient.Response revoked = CLIENT.postJson("/api/v1/certificates/" + serial + "/revocation", Map.of("reason", "keyCompromise"));
        assertThat(revoked.status()).isEqualTo(200);
        // at once, pre-signed or not: the old "good" is never served again
        assertThat(ocsp(files, dir.resolve(serial + "-3.der"), "-no_nonce").output()).contains(": revoked").contains("Reason: keyCompromise");
        await().atMost(Duration.ofSeconds(30)).until(() -> !stored(serial).isEmpty()
                && !java.util.Arrays.equals(stored(serial).getFirst(), firstBytes));
        OpenSsl.Result after = ocsp(files, dir.resolve(serial + "-4.der"), "-no_nonce");
        assertThat(after.output()).contains(": revoked").contains("Reason: keyCompromise").contains("Response verify OK");
        assertThat(Files.readAllBytes(dir.resolve(serial + "-4.der"))).isEqualTo(stored(serial).getFirst());
    }

    @Test
    void responsesAreSignedAgainBeforeTheirNextUpdate() throws Exception {
        JsonNode issued = CLIENT.issue("server-tls", TestCsrs.pem(KeyAlgorithm.EC_P256, "CN=refresh.hcm.gov.vn", dns("refresh.hcm.gov.vn")));
        String serial = issued.get("serialNumber").asString();
        presigner.refresh();
        await().atMost(Duration.ofSeconds(30)).until(() -> !stored(serial).isEmpty());
        BasicOCSPResp before = (BasicOCSPResp) new OCSPResp(stored(serial).getFirst()).getResponseObject();
        Instant nextUpdate = before.getResponses()[0].getNextUpdate().toInstant();
        PkiProperties.OcspPresigned settings = properties.ocsp().presigned();

        // a clock just short of refresh-before leaves it; one inside it signs it again, with a later thisUpdate
        OcspPresigner early = instance(nextUpdate.minus(settings.refreshBefore()).minusSeconds(60));
        early.refresh();
        assertThat(((BasicOCSPResp) new OCSPResp(stored(serial).getFirst()).getResponseObject()).getProducedAt())
                .isEqualTo(before.getProducedAt());
        Instant due = nextUpdate.minus(settings.refreshBefore()).plusSeconds(60);
        instance(due).refresh();
        BasicOCSPResp after = (BasicOCSPResp) new OCSPResp(stored(serial).getFirst()).getResponseObject();
        assertThat(after.getResponses()[0].getThisUpdate().toInstant()).isEqualTo(due.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(after.getResponses()[0].getNextUpdate().toInstant()).isAfter(nextUpdate);
    }

    OcspPresigner instance(Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        return new OcspPresigner(new JdbcTemplate(dataSource), new TransactionTemplate(transactions), responder, cas,
                properties.ocsp().presigned(), clock);
    }
}
