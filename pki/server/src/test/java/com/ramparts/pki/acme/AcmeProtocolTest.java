package com.ramparts.pki.acme;

import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACME's protocol rules with a client that can be made to misbehave: JWS signatures, url and nonce
 * headers, malformed, truncated and oversized bodies, external account binding, identifiers outside
 * the unit, order state, and who may fetch or revoke what. Every refusal is a problem document of the
 * right type and status, and changes nothing.
 */
class AcmeProtocolTest extends AcmeServer {

    private static final String ERROR = "urn:ietf:params:acme:error:";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CertificateInventory inventory;

    private HttpServer challengeServer;
    private final Map<String, String> keyAuthorizations = new ConcurrentHashMap<>();

    @AfterEach
    void stopChallengeServer() {
        if (challengeServer != null) {
            challengeServer.stop(0);
        }
    }

    @Test
    void directoryAndNoncesFollowTheRfc() {
        AcmeTestClient client = new AcmeTestClient(HTTPS, DIRECTORY, "P-256");
        AcmeTestClient.Answer directory = client.get(DIRECTORY);
        assertThat(directory.status()).isEqualTo(200);
        assertThat(directory.json().get("newNonce").asString()).isEqualTo(BASE + "/acme/new-nonce");
        assertThat(directory.json().get("meta").get("externalAccountRequired").asBoolean()).isTrue();
        String first = client.nonce();
        String second = client.nonce();
        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{22}");
        AcmeTestClient.Answer get = client.get(BASE + "/acme/new-nonce");
        assertThat(get.status()).isEqualTo(204);
        assertThat(get.nonce()).isNotBlank();
    }

    @Test
    void badSignaturesAndAlgorithmsAreRefused() {
        AcmeTestClient client = new AcmeTestClient(HTTPS, DIRECTORY, "P-256");
        String url = client.url("newAccount");
        int accounts = accounts();

        Map<String, Object> jws = client.jws(client.header(url), Map.of("termsOfServiceAgreed", true));
        byte[] signature = java.util.Base64.getUrlDecoder().decode((String) jws.get("signature"));
        signature[5] ^= 0x01;
        jws.put("signature", AcmeTestClient.b64(signature));
        assertProblem(client.send(url, json(jws)), 400, "malformed", "signature does not verify");

        Map<String, Object> none = client.header(url);
        none.put("alg", "none");
        assertProblem(client.send(url, json(client.jws(none, Map.of()))), 400, "badSignatureAlgorithm", "ES256");
        Map<String, Object> mac = client.header(url);
        mac.put("alg", "HS256");
        assertProblem(client.send(url, json(client.jws(mac, Map.of()))), 400, "badSignatureAlgorithm", null);
        Map<String, Object> wrongCurve = client.header(url);
        wrongCurve.put("alg", "ES384"); // a P-256 key cannot sign ES384
        assertProblem(client.send(url, json(client.jws(wrongCurve, Map.of()))), 400, "badSignatureAlgorithm", "does not fit");
        Map<String, Object> smallRsa = client.header(url);
        smallRsa.put("jwk", Map.of("e", "AQAB", "kty", "RSA", "n", AcmeTestClient.b64(new byte[128])));
        smallRsa.put("alg", "RS256");
        assertProblem(client.send(url, json(client.jws(smallRsa, Map.of()))), 400, "badSignatureAlgorithm", "2048");
        Map<String, Object> offCurve = client.header(url);
        offCurve.put("jwk", Map.of("crv", "P-256", "kty", "EC", "x", AcmeTestClient.b64(new byte[32]), "y", AcmeTestClient.b64(new byte[32])));
        assertProblem(client.send(url, json(client.jws(offCurve, Map.of()))), 400, "malformed", "not a point");
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void wrongUrlAndNonceHeadersAreRefused() {
        AcmeTestClient client = new AcmeTestClient(HTTPS, DIRECTORY, "P-256");
        String url = client.url("newAccount");
        int accounts = accounts();

        Map<String, Object> otherUrl = client.header(client.url("newOrder"));
        assertProblem(client.send(url, json(client.jws(otherUrl, Map.of()))), 403, "unauthorized", "is not the URL called");

        Map<String, Object> noNonce = client.header(url);
        noNonce.remove("nonce");
        assertProblem(client.send(url, json(client.jws(noNonce, Map.of()))), 400, "badNonce", "no nonce");

        Map<String, Object> madeUp = client.header(url);
        madeUp.put("nonce", "AAAAAAAAAAAAAAAAAAAAAA");
        AcmeTestClient.Answer refused = client.send(url, json(client.jws(madeUp, Map.of())));
        assertProblem(refused, 400, "badNonce", "unknown, used or expired");
        assertThat(refused.nonce()).as("a badNonce answer carries a fresh nonce").matches("[A-Za-z0-9_-]{22}");

        // a replayed request: the first use of the nonce is answered, the replay is badNonce
        JsonNode key = eabKey("BN-01");
        Map<String, Object> payload = Map.of("externalAccountBinding", client.binding(key.get("keyId").asString(),
                key.get("hmacKey").asString(), url));
        byte[] request = json(client.jws(client.header(url), payload));
        assertThat(client.send(url, request).status()).isEqualTo(201);
        assertProblem(client.send(url, request), 400, "badNonce", null);
        assertThat(accounts()).isEqualTo(accounts + 1);
    }

    @Test
    void malformedTruncatedAndOversizedBodiesAreRefused() {
        AcmeTestClient client = new AcmeTestClient(HTTPS, DIRECTORY, "P-256");
        String url = client.url("newAccount");
        int accounts = accounts();
        byte[] good = json(client.jws(client.header(url), Map.of("termsOfServiceAgreed", true)));

        assertProblem(client.send(url, "application/json", good), 415, "malformed", "application/jose+json");
        assertProblem(client.send(url, new byte[0]), 400, "malformed", "empty");
        assertProblem(client.send(url, "not json at all".getBytes(StandardCharsets.US_ASCII)), 400, "malformed", "not JSON");
        assertProblem(client.send(url, Arrays.copyOf(good, good.length / 2)), 400, "malformed", "not JSON");
        assertProblem(client.send(url, "[1,2,3]".getBytes(StandardCharsets.US_ASCII)), 400, "malformed", "not a JSON object");
        assertProblem(client.send(url, "{\"protected\":\"e30\",\"protected\":\"e30\",\"payload\":\"\",\"signature\":\"\"}"
                .getBytes(StandardCharsets.US_ASCII)), 400, "malformed", "not JSON");

        Map<String, Object> unprotected = client.jws(client.header(url), Map.of());
        unprotected.put("header", Map.of("kid", "x"));
        assertProblem(client.send(url, json(unprotected)), 400, "malformed", "'header'");
        Map<String, Object> padded = client.jws(client.header(url), Map.of());
        padded.put("signature", padded.get("signature") + "==");
        assertProblem(client.send(url, json(padded)), 400, "malformed", "base64url");
        Map<String, Object> notJsonHeader = new LinkedHashMap<>(client.jws(client.header(url), Map.of()));
        notJsonHeader.put("protected", AcmeTestClient.b64("alg=ES256".getBytes(StandardCharsets.US_ASCII)));
        assertProblem(client.send(url, json(notJsonHeader)), 400, "malformed", "protected header is not JSON");
        assertProblem(client.send(url, json(client.jws(client.header(url), "{\"truncated\":".getBytes(StandardCharsets.US_ASCII)))),
                400, "malformed", "payload is not JSON");
        Map<String, Object> both = client.header(url);
        both.put("kid", BASE + "/acme/acct/abc");
        assertProblem(client.send(url, json(client.jws(both, Map.of()))), 400, "malformed", "exactly one of jwk and kid");

        byte[] huge = new byte[70_000];
        Arrays.fill(huge, (byte) 'a');
        assertProblem(client.send(url, huge), 413, "malformed", "larger than");
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void accountsMustBeBoundToAUnitWithAnUnspentKey() {
        int accounts = accounts();
        AcmeTestClient client = new AcmeTestClient(HTTPS, DIRECTORY, "RSA");
        assertProblem(client.register(null), 400, "externalAccountRequired", null);
        assertProblem(client.post(client.url("newAccount"), Map.of("onlyReturnExisting", true)), 400, "accountDoesNotExist", null);

        JsonNode key = eabKey("BN-01");
        String keyId = key.get("keyId").asString();
        String forged = AcmeTestClient.b64(new byte[32]);
        assertProblem(client.post(client.url("newAccount"), Map.of("externalAccountBinding", client.binding(keyId, forged,
                client.url("newAccount")))), 403, "unauthorized", "MAC does not verify");
        AcmeTestClient other = new AcmeTestClient(HTTPS, DIRECTORY, "P-256");
        Map<String, Object> otherKeysBinding = other.binding(keyId, key.get("hmacKey").asString(), client.url("newAccount"));
        assertProblem(client.post(client.url("newAccount"), Map.of("externalAccountBinding", otherKeysBinding)), 403, "unauthorized",
                "another key");
        assertThat(accounts()).isEqualTo(accounts);

        AcmeTestClient.Answer created = client.register(key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("valid");
        assertThat(created.json().get("unit").asString()).isEqualTo("BN-01");
        assertThat(created.location()).startsWith(BASE + "/acme/acct/");
        String accountId = created.location().substring((BASE + "/acme/acct/").length());
        assertThat(jdbc.queryForObject("SELECT actor || ' ' || details FROM audit_entry WHERE action = 'acme.account.created' AND target = ?",
                String.class, accountId)).startsWith("acme:" + accountId + " ").contains("\"unit\":\"BN-01\"").contains(keyId);
        // the same key again finds the same account; the spent binding key binds nobody else
        client.accountUrl = null;
        AcmeTestClient.Answer again = client.register(key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.location()).isEqualTo(created.location());
        assertProblem(other.register(key), 403, "unauthorized", "unknown, used or expired");
        assertThat(jdbc.queryForObject("SELECT hmac_key FROM acme_eab_key WHERE key_id = ?", String.class, keyId)).isNull();
        assertThat(accounts()).isEqualTo(accounts + 1);
    }

    @Test
    void aUnitsItOfficerGetsBindingKeysForItsOwnUnitOnly() throws Exception {
        importUnits();
        Admin.Answer token = Admin.call("POST", "/api/v1/tokens", "application/json",
                "{\"name\":\"it.dakao\",\"role\":\"REQUESTER\",\"unit\":\"DK-01\",\"validity\":\"P1D\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        String bearer = PkiClient.JSON.readTree(token.body()).get("secret").asString();
        java.net.http.HttpResponse<String> created = asRequester(bearer, "{\"unit\":\"DK-01\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String keyId = PkiClient.JSON.readTree(created.body()).get("keyId").asString();
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE action = 'acme.eab_key.created' AND target = ?", String.class,
                keyId)).isEqualTo("it.dakao");
        assertThat(asRequester(bearer, "{}").body()).contains("\"unit\":\"DK-01\"");
        // another unit is answered like one that does not exist
        java.net.http.HttpResponse<String> other = asRequester(bearer, "{\"unit\":\"BN-01\"}");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("ra.unit.not_found");
        assertThat(asRequester(bearer, "{\"unit\":\"NOPE\"}").statusCode()).isEqualTo(404);
        assertThat(asRequester("rpk_not-a-token", "{\"unit\":\"DK-01\"}").statusCode()).isEqualTo(401);
    }

    private static java.net.http.HttpResponse<String> asRequester(String bearer, String body) throws Exception {
        return HTTPS.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/api/v1/acme/eab-keys"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ordersAreLimitedToTheUnitsDomainsAndDnsNames() {
        AcmeTestClient client = registered("P-256");
        int orders = orders();
        assertProblem(order(client, OTHER_UNIT_NAME), 400, "rejectedIdentifier", "BN-01");
        assertProblem(order(client, "*.bennghe.hcm.gov.vn"), 400, "rejectedIdentifier", "dns-01");
        assertProblem(order(client, "bad_name.bennghe.hcm.gov.vn"), 400, "rejectedIdentifier", "not a DNS name");
        assertProblem(client.post(client.url("newOrder"), Map.of("identifiers", List.of(Map.of("type", "ip", "value", "10.0.0.1")))),
                400, "unsupportedIdentifier", null);
        assertProblem(client.post(client.url("newOrder"), Map.of("identifiers", List.of())), 400, "malformed", "non-empty");
        assertProblem(client.post(client.url("newOrder"), Map.of("identifiers", List.of(Map.of("type", "dns", "value", PORTAL)),
                "notAfter", "2030-01-01T00:00:00Z")), 400, "malformed", "notAfter");
        assertThat(orders()).isEqualTo(orders);
    }

    @Test
    void aJavaClientRunsAnOrderThroughEveryState() throws Exception {
        startChallengeServer();
        AcmeTestClient client = registered("RSA");
        AcmeTestClient.Answer order = order(client, "www.bennghe.hcm.gov.vn");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        assertThat(order.json().get("status").asString()).isEqualTo("pending");
        String finalizeUrl = order.json().get("finalize").asString();
        KeyPair serverKey = TestCsrs.key(KeyAlgorithm.EC_P256);
        byte[] csr = TestCsrs.der(serverKey, "SHA256withECDSA", new org.bouncycastle.asn1.x500.X500Name(""),
                new GeneralName(GeneralName.dNSName, "www.bennghe.hcm.gov.vn"));
        long issued = inventory.count();

        assertProblem(client.post(finalizeUrl, Map.of("csr", AcmeTestClient.b64(csr))), 403, "orderNotReady", "pending");

        String authorizationUrl = order.json().get("authorizations").get(0).asString();
        JsonNode authorization = client.post(authorizationUrl, null).json();
        assertThat(authorization.get("identifier").get("value").asString()).isEqualTo("www.bennghe.hcm.gov.vn");
        JsonNode challenge = authorization.get("challenges").get(0);
        assertThat(challenge.get("type").asString()).isEqualTo("http-01");
        String token = challenge.get("token").asString();
        keyAuthorizations.put(token, token + "." + client.thumbprint());
        AcmeTestClient.Answer validated = client.post(challenge.get("url").asString(), Map.of());
        assertThat(validated.json().get("status").asString()).as(validated.body()).isEqualTo("valid");
        assertThat(client.post(order.location(), null).json().get("status").asString()).isEqualTo("ready");

        // another account may not see, finalize or fetch this order
        AcmeTestClient stranger = registered("P-256");
        assertProblem(stranger.post(order.location(), null), 403, "unauthorized", "another account");
        assertProblem(stranger.post(finalizeUrl, Map.of("csr", AcmeTestClient.b64(csr))), 403, "unauthorized", null);

        byte[] otherNames = TestCsrs.der(serverKey, "SHA256withECDSA", new org.bouncycastle.asn1.x500.X500Name(""),
                new GeneralName(GeneralName.dNSName, "www.bennghe.hcm.gov.vn"), new GeneralName(GeneralName.dNSName, "mail.bennghe.hcm.gov.vn"));
        assertProblem(client.post(finalizeUrl, Map.of("csr", AcmeTestClient.b64(otherNames))), 400, "badCSR", "mail.bennghe");
        assertProblem(client.post(finalizeUrl, Map.of("csr", AcmeTestClient.b64(Arrays.copyOf(csr, csr.length - 10)))), 400, "badCSR",
                "csr.malformed");
        assertThat(inventory.count()).isEqualTo(issued);

        AcmeTestClient.Answer finalized = client.post(finalizeUrl, Map.of("csr", AcmeTestClient.b64(csr)));
        assertThat(finalized.json().get("status").asString()).as(finalized.body()).isEqualTo("valid");
        String certificateUrl = finalized.json().get("certificate").asString();
        AcmeTestClient.Answer download = client.post(certificateUrl, null);
        assertThat(download.status()).isEqualTo(200);
        List<X509CertificateHolder> chain = Pem.decodeCertificates(download.body());
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1).getSubject().toString()).contains("Ramparts Test Issuing CA 1");
        assertThat(inventory.count()).isEqualTo(issued + 1);
        assertProblem(stranger.post(certificateUrl, null), 403, "unauthorized", null);
        assertProblem(client.post(finalizeUrl, Map.of("csr", AcmeTestClient.b64(csr))), 403, "orderNotReady", "valid");

        // revocation by whoever holds the certificate's key: a JWS with that key as jwk
        byte[] der = chain.getFirst().getEncoded();
        assertProblem(stranger.post(stranger.url("revokeCert"), Map.of("certificate", AcmeTestClient.b64(der))), 403, "unauthorized", null);
        assertProblem(client.post(client.url("revokeCert"), Map.of("certificate", AcmeTestClient.b64(der), "reason", 6)), 400,
                "badRevocationReason", null);
        AcmeTestClient.Answer revoked = new AcmeTestClient(HTTPS, DIRECTORY, serverKey).post(client.url("revokeCert"), Map.of("certificate", AcmeTestClient.b64(der),
                "reason", 4));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(inventory.find(chain.getFirst().getSerialNumber()).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
        assertProblem(client.post(client.url("revokeCert"), Map.of("certificate", AcmeTestClient.b64(der))), 400, "alreadyRevoked", null);
    }

    @Test
    void aFailedChallengeMakesTheOrderInvalid() {
        startChallengeServer(); // it answers 404 for tokens it was not given
        AcmeTestClient client = registered("P-256");
        AcmeTestClient.Answer order = order(client, "nobody.bennghe.hcm.gov.vn");
        JsonNode challenge = client.post(order.json().get("authorizations").get(0).asString(), null).json().get("challenges").get(0);
        AcmeTestClient.Answer failed = client.post(challenge.get("url").asString(), Map.of());
        assertThat(failed.json().get("status").asString()).isEqualTo("invalid");
        assertThat(failed.json().get("error").get("type").asString()).isEqualTo(ERROR + "incorrectResponse");
        assertThat(failed.json().get("error").get("detail").asString()).contains("404");
        assertThat(client.post(order.location(), null).json().get("status").asString()).isEqualTo("invalid");
        // a second attempt does not validate again: the result stays
        assertThat(client.post(challenge.get("url").asString(), Map.of()).json().get("status").asString()).isEqualTo("invalid");
    }

    @Test
    void aDeactivatedAccountCanDoNothingMore() {
        AcmeTestClient client = registered("P-384");
        AcmeTestClient.Answer deactivated = client.post(client.accountUrl, Map.of("status", "deactivated"));
        assertThat(deactivated.json().get("status").asString()).isEqualTo("deactivated");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'acme.account.deactivated' AND target = ?",
                Integer.class, client.accountUrl.substring((BASE + "/acme/acct/").length()))).isEqualTo(1);
        assertProblem(order(client, PORTAL), 403, "unauthorized", "deactivated");
        assertProblem(client.post(client.accountUrl, null), 403, "unauthorized", "deactivated");
        AcmeTestClient stranger = registered("P-256");
        assertProblem(stranger.post(client.accountUrl, Map.of("status", "deactivated")), 403, "unauthorized", null);
        assertProblem(stranger.post(BASE + "/acme/acct/doesnotexist", null), 403, "unauthorized", "only change itself");
        Map<String, Object> unknownKid = stranger.header(stranger.url("newOrder"));
        unknownKid.put("kid", BASE + "/acme/acct/doesnotexist");
        assertProblem(stranger.send(stranger.url("newOrder"), json(stranger.jws(unknownKid, Map.of()))), 400, "accountDoesNotExist", null);
    }

    private AcmeTestClient registered(String keyType) {
        AcmeTestClient client = new AcmeTestClient(HTTPS, DIRECTORY, keyType);
        AcmeTestClient.Answer created = client.register(eabKey("BN-01"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return client;
    }

    private static AcmeTestClient.Answer order(AcmeTestClient client, String name) {
        return client.post(client.url("newOrder"), Map.of("identifiers", List.of(Map.of("type", "dns", "value", name))));
    }

    private void startChallengeServer() {
        try {
            challengeServer = HttpServer.create(new InetSocketAddress("127.0.0.1", HTTP01_PORT), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        challengeServer.createContext("/.well-known/acme-challenge/", exchange -> {
            String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
            String answer = keyAuthorizations.get(token);
            byte[] body = (answer == null ? "no such token" : answer).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        challengeServer.start();
    }

    private int accounts() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM acme_account", Integer.class);
    }

    private int orders() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM acme_order", Integer.class);
    }

    private static byte[] json(Object value) {
        return PkiClient.JSON.writeValueAsBytes(value);
    }

    private static void assertProblem(AcmeTestClient.Answer answer, int status, String type, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.problemType()).as(answer.body()).isEqualTo(ERROR + type);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        if (detail != null) {
            assertThat(answer.json().get("detail").asString()).contains(detail);
        }
    }
}
