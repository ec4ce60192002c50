package com.ramparts.pki.bulk;

import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.RunningPki;
import com.ramparts.runtime.secrets.AdminCredentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bulk staff issuance through the REST API on the embedded database, checked with openssl. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkIssuanceTest extends RunningPki {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String UNIT = "BULK-Q3";
    static final String UNIT_NAME = "Ủy ban nhân dân Quận 3";

    String officer;

    record Answer(int status, String body, byte[] bytes) {
        JsonNode json() {
            return PkiClient.JSON.readTree(body);
        }
    }

    static Answer call(String method, String path, String bearer, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CLIENT.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
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
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Answer upload(byte[] zip, boolean dryRun) {
        return call("POST", "/api/v1/bulk-jobs?dryRun=" + dryRun, null, "application/zip", zip);
    }

    @BeforeAll
    void unitAndOfficer() {
        Answer units = call("POST", "/api/v1/imports/units", null, "text/csv",
                BulkFixtures.unitsCsv(UNIT, UNIT_NAME).getBytes(StandardCharsets.UTF_8));
        assertThat(units.status()).as(units.body()).isEqualTo(200);
        Answer token = call("POST", "/api/v1/tokens", null, "application/json",
                "{\"name\":\"officer.bulk\",\"role\":\"RA_OFFICER\",\"validity\":\"P30D\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        officer = token.json().get("secret").asString();
    }

    @Test
    void aDryRunReportsEveryBadRowWithItsLineAndWritesNothing() {
        List<BulkFixtures.Person> people = BulkFixtures.people("DRY", 79_300_000_000L, 7, UNIT, UNIT_NAME);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder(BulkFixtures.csv(people));
        csv.append("DRY-BAD,12345,Nguyễn Văn Sai,").append(UNIT).append(",sai@q3.hcm.gov.vn,\n"); // line 9: citizen id is not 12 digits
        entries.put("staff.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        var sharedKey = BulkFixtures.newKey();
        entries.put(people.get(0).staffId() + ".csr", BulkFixtures.csr(people.get(0)));                          // line 2: good
        entries.put(people.get(1).staffId() + ".csr", BulkFixtures.csr(people.get(1), "Someone Else", BulkFixtures.newKey())); // line 3: CN is not the record's
        // line 4: no CSR at all
        entries.put(people.get(3).staffId() + ".csr", "-----BEGIN CERTIFICATE REQUEST-----\nnot base64\n".getBytes(StandardCharsets.US_ASCII)); // line 5
        entries.put(people.get(4).staffId() + ".csr", BulkFixtures.csr(people.get(4), people.get(4).fullName(), sharedKey)); // line 6
        entries.put(people.get(5).staffId() + ".csr", BulkFixtures.csr(people.get(5), people.get(5).fullName(), sharedKey)); // line 7: same key
        entries.put(people.get(6).staffId() + ".csr", BulkFixtures.csr(people.get(6)));                          // line 8: good
        entries.put("GHOST-1.csr", BulkFixtures.csr(people.get(0)));                                               // nobody in the list
        byte[] zip = BulkFixtures.zip(entries);
        int jobsBefore = call("GET", "/api/v1/bulk-jobs", null, null, null).json().size();

        Answer dryRun = upload(zip, true);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(400);
        assertThat(dryRun.json().get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString()).toList())
                .containsExactly("0:GHOST-1.csr", "3:csr.subject.CN", "4:csr", "5:csr", "7:csr", "9:citizen_id");
        assertThat(dryRun.json().get("rows").asInt()).isEqualTo(8);
        assertThat(dryRun.json().get("ready").asInt()).isEqualTo(3);
        assertThat(dryRun.json().get("job").isNull()).isTrue();

        Answer refused = upload(zip, false);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/bulk-jobs", null, null, null).json().size()).isEqualTo(jobsBefore);
        assertThat(call("GET", "/api/v1/staff/DRY-0001", null, null, null).status()).isEqualTo(404); // the staff list was not imported either
    }

    @Test
    void malformedUploadsAreRefusedWithAClearError() {
        Answer notZip = upload("staff_id,citizen_id\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.body()).contains("empty or not a zip");
        byte[] zip = BulkFixtures.zip(BulkFixtures.people("TRUNC", 79_301_000_000L, 3, UNIT, UNIT_NAME));
        Answer truncated = upload(java.util.Arrays.copyOf(zip, zip.length - 200), false);
        assertThat(truncated.status()).isEqualTo(400);
        Answer wrongType = call("POST", "/api/v1/bulk-jobs", null, "text/csv", zip);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("code").asString()).isEqualTo("request.malformed");
        assertThat(call("GET", "/api/v1/bulk-jobs/no-such-job", officer, null, null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/bulk-jobs/no-such-job/approval", officer, null, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/bulk-jobs/x/rows?status=BOGUS", officer, null, null).status()).isEqualTo(404);
    }

    @Test
    void aSecondOfficerApprovesAndEveryStaffMemberGetsACertificateOpenSslVerifies() throws Exception {
        List<BulkFixtures.Person> people = BulkFixtures.people("BLK", 79_302_000_000L, 6, UNIT, UNIT_NAME);
        Answer created = upload(BulkFixtures.zip(people), false);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode job = created.json().get("job");
        String id = job.get("id").asString();
        assertThat(job.get("status").asString()).isEqualTo("VALID");
        assertThat(job.get("total").asInt()).isEqualTo(6);
        assertThat(job.get("pending").asInt()).isEqualTo(6);
        assertThat(call("GET", "/api/v1/staff/BLK-0001", null, null, null).status()).isEqualTo(200); // imported with the job

        Answer ownApproval = call("POST", "/api/v1/bulk-jobs/" + id + "/approval", null, null, null);
        assertThat(ownApproval.status()).isEqualTo(409);
        assertThat(ownApproval.json().get("code").asString()).isEqualTo("ra.bulk.approval_by_creator");
        assertThat(call("GET", "/api/v1/bulk-jobs/" + id + "/rows?status=ISSUED", officer, null, null).json().get("items").size()).isZero();

        Answer approved = call("POST", "/api/v1/bulk-jobs/" + id + "/approval", officer, null, null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo("officer.bulk");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(call("GET", "/api/v1/bulk-jobs/" + id, officer, null, null)
                .json().get("status").asString()));
        assertThat(call("POST", "/api/v1/bulk-jobs/" + id + "/approval", officer, null, null).json().get("code").asString())
                .isEqualTo("ra.bulk.not_awaiting_approval");

        JsonNode done = call("GET", "/api/v1/bulk-jobs/" + id, officer, null, null).json();
        assertThat(done.get("issued").asInt()).isEqualTo(6);
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("pending").asInt()).isZero();
        JsonNode rows = call("GET", "/api/v1/bulk-jobs/" + id + "/rows?limit=4", officer, null, null).json();
        assertThat(rows.get("items").size()).isEqualTo(4);
        assertThat(rows.get("next").asInt()).isEqualTo(5);
        JsonNode rest = call("GET", "/api/v1/bulk-jobs/" + id + "/rows?after=5", officer, null, null).json();
        assertThat(rest.get("items").size()).isEqualTo(2);
        assertThat(rest.get("next").isNull()).isTrue();
        JsonNode first = rows.get("items").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("staffId").asString()).isEqualTo("BLK-0001");
        assertThat(first.get("status").asString()).isEqualTo("ISSUED");

        // the row's certificate is an RA request like any other, approved by the second officer
        JsonNode request = call("GET", "/api/v1/requests/" + first.get("requestId").asString(), officer, null, null).json();
        assertThat(request.get("status").asString()).isEqualTo("ISSUED");
        assertThat(request.get("staffId").asString()).isEqualTo("BLK-0001");
        assertThat(request.get("approvals").get(0).get("officer").asString()).isEqualTo("officer.bulk");

        // the delivery zip: every staff member's certificate, verified by openssl against the root
        Answer delivery = call("GET", "/api/v1/bulk-jobs/" + id + "/certificates.zip", officer, null, null);
        assertThat(delivery.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(delivery.bytes());
        assertThat(files.keySet()).containsExactlyInAnyOrder("ca-chain.pem", "BLK-0001.pem", "BLK-0002.pem", "BLK-0003.pem", "BLK-0004.pem",
                "BLK-0005.pem", "BLK-0006.pem");
        Path directory = Files.createTempDirectory(DATA, "bulk-delivery");
        Path chain = Files.write(directory.resolve("ca-chain.pem"), files.get("ca-chain.pem"));
        for (BulkFixtures.Person person : people) {
            Path leaf = Files.write(directory.resolve(person.staffId() + ".pem"), files.get(person.staffId() + ".pem"));
            OpenSsl.Result verify = OpenSsl.run("verify", "-x509_strict", "-purpose", "smimesign", "-CAfile", HIERARCHY.rootCertificate().toString(),
                    "-untrusted", chain.toString(), leaf.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            String text = OpenSsl.run("x509", "-in", leaf.toString(), "-noout", "-subject", "-ext", "subjectAltName", "-nameopt", "utf8,sep_comma_plus")
                    .output();
            assertThat(text).contains("CN=" + person.fullName()).contains("UID=" + person.staffId())
                    .contains("serialNumber=CCCD-" + person.citizenId()).contains("email:" + person.email());
        }

        List<String> actions = new ArrayList<>();
        for (long after = 0; ; ) {
            JsonNode page = call("GET", "/api/v1/audit/entries?limit=1000&after=" + after, null, null, null).json();
            if (page.isEmpty()) {
                break;
            }
            page.forEach(entry -> {
                if (id.equals(entry.get("target").asString())) {
                    actions.add(entry.get("action").asString());
                }
            });
            if (page.size() < 1000) {
                break; // every call logs the administrator's login: there is always one entry more
            }
            after = page.get(page.size() - 1).get("seq").asLong();
        }
        assertThat(actions).containsExactly("bulk.created", "bulk.approved", "bulk.finished");
        assertThat(call("GET", "/api/v1/audit/verification", null, null, null).json().get("problems").size()).isZero();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws java.io.IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
