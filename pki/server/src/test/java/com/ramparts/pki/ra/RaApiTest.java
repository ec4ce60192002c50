package com.ramparts.pki.ra;

import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.RunningPki;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.runtime.secrets.AdminCredentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static com.ramparts.pki.testing.TestCsrs.email;
import static org.assertj.core.api.Assertions.assertThat;

/** The RA through its REST API: imports, tokens, dual control, requester scoping, renewal, expiry, and the audit trail of it all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaApiTest extends RunningPki {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String UNIT_SUBJECT = "C=VN,L=Ho Chi Minh City,O=Phường Bến Nghé,organizationIdentifier=BN-01,CN=Ủy ban nhân dân phường Bến Nghé";

    String officerA;
    String officerB;
    String requesterBenNghe;
    String requesterDaKao;

    record Answer(int status, JsonNode json, String body) {
    }

    static Answer call(String method, String path, String bearer, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CLIENT.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer == null) {
            AdminCredentials admin = AdminCredentials.read(DATA.resolve("secrets/admin-credentials"));
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((admin.username() + ":" + admin.password())
                    .getBytes(StandardCharsets.UTF_8)));
        } else {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? null : PkiClient.JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Answer post(String path, String bearer, Object body) {
        return call("POST", path, bearer, "application/json", PkiClient.JSON.writeValueAsString(body));
    }

    static Answer get(String path, String bearer) {
        return call("GET", path, bearer, null, null);
    }

    static String token(String name, String role, String unit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "role", role, "validity", "P30D"));
        if (unit != null) {
            body.put("unit", unit);
        }
        Answer created = post("/api/v1/tokens", null, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    @BeforeAll
    void unitsStaffAndTokens() {
        Answer units = call("POST", "/api/v1/imports/units", null, "text/csv", "\uFEFFcode,name,parent_code,allowed_domains\n"
                + "HCM,Thành phố Hồ Chí Minh,,\nQ1,Quận 1,HCM,q1.hcm.gov.vn\nBN-01,Phường Bến Nghé,Q1,bennghe.hcm.gov.vn\n"
                + "DK-01,Phường Đa Kao,Q1,\n");
        assertThat(units.status()).as(units.body()).isEqualTo(200);
        Answer staff = call("POST", "/api/v1/imports/staff", null, "text/csv", "staff_id,citizen_id,full_name,unit_code,email,title\n"
                + "NV-0001,079090001234,Nguyễn Văn An,BN-01,an.nv@bennghe.hcm.gov.vn,Chuyên viên\n");
        assertThat(staff.status()).as(staff.body()).isEqualTo(200);
        officerA = token("officer.lan", "RA_OFFICER", null);
        officerB = token("officer.minh", "RA_OFFICER", null);
        requesterBenNghe = token("it.bennghe", "REQUESTER", "BN-01");
        requesterDaKao = token("it.dakao", "REQUESTER", "DK-01");
    }

    @Test
    void aBadImportReportsEveryBadRowAndImportsNothing() {
        String csv = "code,name,parent_code,allowed_domains\nX1,Good,,\nbad code,Name,,\nX1,Duplicate,,\nX2,Orphan,NOPE,\n"
                + "C1,Cycle one,C2,\nC2,Cycle two,C1,\nX3,\"never closed,,\n";
        Answer dryRun = call("POST", "/api/v1/imports/units?dryRun=true", null, "text/csv", csv);
        assertThat(dryRun.status()).isEqualTo(400);
        assertThat(dryRun.json().get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString()).toList())
                .containsExactly("3:code", "4:code", "5:parent_code", "6:parent_code", "7:parent_code", "8:");
        Answer commit = call("POST", "/api/v1/imports/units", null, "text/csv", csv);
        assertThat(commit.status()).isEqualTo(400);
        assertThat(commit.json().get("imported").asBoolean()).isFalse();
        assertThat(get("/api/v1/units/X1", officerA).status()).isEqualTo(404);
    }

    @Test
    void reImportingTheSameFileChangesNothing() {
        String csv = "code,name,parent_code,allowed_domains\nHCM,Thành phố Hồ Chí Minh,,\n";
        Answer again = call("POST", "/api/v1/imports/units", null, "text/csv", csv);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().get("inserted").asInt()).isZero();
    }

    @Test
    void aUnitSealNeedsTwoDifferentOfficersAndTheResultVerifiesWithOpenSsl() throws Exception {
        String csr = TestCsrs.pem(KeyAlgorithm.EC_P256, UNIT_SUBJECT);
        Answer submitted = post("/api/v1/requests", requesterBenNghe, Map.of("profile", "unit-signing", "csr", csr));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("approvalsRequired").asInt()).isEqualTo(2);

        assertThat(post("/api/v1/requests/" + id + "/approvals", officerA, Map.of()).json().get("status").asString()).isEqualTo("SUBMITTED");
        Answer twice = post("/api/v1/requests/" + id + "/approvals", officerA, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("ra.approval.duplicate");
        assertThat(get("/api/v1/requests/" + id, officerA).json().get("approvals").size()).isEqualTo(1);

        Answer issued = post("/api/v1/requests/" + id + "/approvals", officerB, Map.of());
        assertThat(issued.json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(post("/api/v1/requests/" + id + "/approvals", officerB, Map.of()).json().get("code").asString())
                .isEqualTo("ra.request.not_pending");

        Path leaf = Files.writeString(Files.createTempFile(DATA, "seal", ".pem"), issued.json().get("certificatePem").asString());
        OpenSsl.Result verify = OpenSsl.run("verify", "-x509_strict", "-CAfile", HIERARCHY.rootCertificate().toString(),
                "-untrusted", HIERARCHY.issuingChain().toString(), leaf.toString());
        assertThat(verify.output()).endsWith(": OK\n");
    }

    @Test
    void aSealNamingAnotherUnitIsRefused() {
        String csr = TestCsrs.pem(KeyAlgorithm.EC_P256, UNIT_SUBJECT.replace("BN-01", "DK-01"));
        Answer refused = post("/api/v1/requests", requesterBenNghe, Map.of("profile", "unit-signing", "csr", csr));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("ra.request.record_mismatch");
        assertThat(refused.json().get("field").asString()).isEqualTo("subject.organizationIdentifier");
    }

    @Test
    void aStaffCertificateNeedsOneApprovalAndARejectionNeedsAReason() {
        String csr = TestCsrs.pem(KeyAlgorithm.EC_P256, "C=VN,O=Phường Bến Nghé,CN=Nguyễn Văn An,serialNumber=CCCD-079090001234",
                email("an.nv@bennghe.hcm.gov.vn"));
        String id = post("/api/v1/requests", requesterBenNghe, Map.of("profile", "staff-signing", "csr", csr, "staffId", "NV-0001"))
                .json().get("id").asString();
        assertThat(post("/api/v1/requests/" + id + "/rejection", officerA, Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(post("/api/v1/requests/" + id + "/approvals", officerA, Map.of()).json().get("status").asString()).isEqualTo("ISSUED");

        String second = post("/api/v1/requests", requesterBenNghe, Map.of("profile", "staff-signing", "csr", csr, "staffId", "NV-0001"))
                .json().get("id").asString();
        Answer rejected = post("/api/v1/requests/" + second + "/rejection", officerB, Map.of("reason", "duplicate request"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("decidedBy").asString()).isEqualTo("officer.minh");
    }

    @Test
    void aRequesterCannotSeeOrActOnAnotherUnitEvenByGuessingIds() {
        String csr = TestCsrs.pem(KeyAlgorithm.EC_P256, UNIT_SUBJECT);
        String id = post("/api/v1/requests", requesterBenNghe, Map.of("profile", "unit-signing", "csr", csr)).json().get("id").asString();

        assertThat(get("/api/v1/requests/" + id, requesterDaKao).status()).isEqualTo(404);
        assertThat(get("/api/v1/requests", requesterDaKao).json().valueStream().map(r -> r.get("id").asString())).doesNotContain(id);
        assertThat(get("/api/v1/requests", requesterBenNghe).json().valueStream().map(r -> r.get("id").asString())).contains(id);
        assertThat(post("/api/v1/requests/" + id + "/approvals", requesterDaKao, Map.of()).status()).isEqualTo(403);
        assertThat(post("/api/v1/requests/" + id + "/approvals", requesterBenNghe, Map.of()).status()).isEqualTo(403);
        assertThat(post("/api/v1/requests", requesterDaKao, Map.of("profile", "unit-signing", "csr", csr, "unit", "BN-01")).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/units/BN-01", requesterDaKao).status()).isEqualTo(404);
        assertThat(get("/api/v1/staff/NV-0001", requesterDaKao).status()).isEqualTo(404);
        assertThat(get("/api/v1/staff", requesterDaKao).json().size()).isZero();
        assertThat(get("/api/v1/certificates", requesterBenNghe).status()).isEqualTo(403);
    }

    @Test
    void renewalWithTheSameKeyOrANewOneAndExpiryAreScoped() {
        String csr = TestCsrs.pem(KeyAlgorithm.EC_P256, UNIT_SUBJECT);
        String id = post("/api/v1/requests", requesterBenNghe, Map.of("profile", "unit-signing", "csr", csr)).json().get("id").asString();
        post("/api/v1/requests/" + id + "/approvals", officerA, Map.of());
        String serial = post("/api/v1/requests/" + id + "/approvals", officerB, Map.of()).json().get("certificateSerial").asString();

        Answer sameKey = post("/api/v1/renewals", requesterBenNghe, Map.of("serial", serial, "csr", csr));
        assertThat(sameKey.status()).as(sameKey.body()).isEqualTo(201);
        assertThat(sameKey.json().get("rekey").asBoolean()).isFalse();
        assertThat(sameKey.json().get("renewalOf").asString()).isEqualTo(serial);
        Answer newKey = post("/api/v1/renewals", requesterBenNghe, Map.of("serial", serial,
                "csr", TestCsrs.pem(KeyAlgorithm.EC_P384, UNIT_SUBJECT)));
        assertThat(newKey.json().get("rekey").asBoolean()).isTrue();
        assertThat(post("/api/v1/renewals", requesterDaKao, Map.of("serial", serial, "csr", csr)).status()).isEqualTo(404);

        assertThat(get("/api/v1/expiring?days=1200", requesterBenNghe).json().valueStream().map(c -> c.get("serialNumber").asString()))
                .contains(serial);
        assertThat(get("/api/v1/expiring?days=1200", requesterDaKao).json().valueStream().map(c -> c.get("serialNumber").asString()))
                .doesNotContain(serial);
        assertThat(get("/api/v1/expiring?days=10", officerA).json().valueStream().map(c -> c.get("serialNumber").asString()))
                .doesNotContain(serial);
    }

    @Test
    void tokensAreShownOnceStoredHashedAndRevocable() {
        String secret = token("robot.scan", "RA_OFFICER", null);
        assertThat(get("/api/v1/requests", secret).status()).isEqualTo(200);
        JsonNode listed = get("/api/v1/tokens", null).json();
        assertThat(listed.toString()).doesNotContain(secret);
        String id = listed.valueStream().filter(t -> t.get("name").asString().equals("robot.scan")).findFirst().orElseThrow().get("id").asString();
        assertThat(call("DELETE", "/api/v1/tokens/" + id, null, null, null).status()).isEqualTo(200);
        assertThat(get("/api/v1/requests", secret).status()).isEqualTo(401);
        assertThat(get("/api/v1/requests", "rpk_guessed").status()).isEqualTo(401);
        assertThat(post("/api/v1/tokens", null, Map.of("name", "x", "role", "REQUESTER")).status()).isEqualTo(400); // no unit
    }

    @Test
    void everyActIsAttributedInAnIntactAuditChain() {
        assertThat(get("/api/v1/requests", "rpk_wrong").status()).isEqualTo(401);
        String id = post("/api/v1/requests", requesterBenNghe, Map.of("profile", "unit-signing",
                "csr", TestCsrs.pem(KeyAlgorithm.EC_P256, UNIT_SUBJECT))).json().get("id").asString();
        post("/api/v1/requests/" + id + "/approvals", officerA, Map.of());
        post("/api/v1/requests/" + id + "/approvals", officerB, Map.of());
        Answer verification = get("/api/v1/audit/verification", null);
        assertThat(verification.json().get("problems").size()).as(verification.body()).isZero();
        String entries = get("/api/v1/audit/entries?limit=1000", null).body();
        assertThat(entries).contains("\"service.started\"").contains("\"token.created\"").contains("\"ra.import.units\"")
                .contains("\"login.success\"").contains("\"login.failure\"").contains("\"request.submitted\"").contains("\"request.approved\"")
                .contains("\"certificate.issued\"");
    }
}
