package com.ramparts.soc.unit;

import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.process.HealthProbe;
import com.ramparts.runtime.process.ProcessSpec;
import com.ramparts.runtime.process.Processes;
import com.ramparts.runtime.secrets.AdminCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real pki, started from its built jar ({@code pki/server/target/ramparts-pki.jar}, built by the reactor before
 * this module) as the appliance's launcher starts it: a CA hierarchy made with the jar's own CLI ceremonies, the
 * service as a child process on a free port with its embedded database, stopped when the test JVM exits. Units are
 * imported through pki's CSV import, seals issued from openssl CSRs and revoked through pki's REST API, all as pki's
 * bootstrap administrator; soc gets an ADMIN API token like an operator would make one.
 */
public final class RealPki {

    static final Path JAR = Path.of("../../pki/server/target/ramparts-pki.jar").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RealPki shared;

    private final Path directory;
    private final int port;
    private final Process process;
    private final AdminCredentials admin;
    private final HttpClient http = HttpClient.newHttpClient();

    private RealPki(Path directory, int port, Process process, AdminCredentials admin) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.admin = admin;
    }

    public static synchronized RealPki shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path directory() {
        return directory;
    }

    private static RealPki start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build pki first (./mvnw -pl soc/server -am verify builds it)");
        }
        try {
            Path directory = Files.createTempDirectory("soc-real-pki-");
            Path passphrase = directory.resolve("passphrase");
            Files.writeString(passphrase, "correct horse battery staple " + System.nanoTime() + "\n");
            Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
            cli(directory, "ca", "init-root", "--subject", "C=VN,O=Ramparts Test City,CN=Ramparts Test Root CA", "--key-type", "EC_P256",
                    "--keystore", "root.p12", "--passphrase-file", passphrase.toString(), "--certificate-out", "root.pem");
            cli(directory, "ca", "init-issuing", "--subject", "C=VN,O=Ramparts Test City,CN=Ramparts Test Issuing CA", "--key-type", "EC_P256",
                    "--keystore", "issuing.p12", "--passphrase-file", passphrase.toString(), "--csr-out", "issuing.csr");
            cli(directory, "ca", "sign-issuing", "--root-keystore", "root.p12", "--root-passphrase-file", passphrase.toString(),
                    "--csr", "issuing.csr", "--validity", "5y", "--certificate-out", "issuing-chain.pem");
            cli(directory, "ca", "install-issuing", "--keystore", "issuing.p12", "--passphrase-file", passphrase.toString(),
                    "--certificate", "issuing-chain.pem", "--root", "root.pem");
            Path credentials = directory.resolve("secrets/admin-credentials");
            AdminCredentials admin = AdminCredentials.loadOrCreate(credentials).credentials();
            int port = Ports.freePort();
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                    "--server.port=" + port, "--server.address=127.0.0.1",
                    "--ramparts.pki.public-url=http://127.0.0.1:" + port,
                    "--ramparts.pki.data-dir=" + directory.resolve("data"),
                    "--ramparts.pki.admin-credentials-file=" + credentials,
                    "--ramparts.pki.cas.issuing.keystore=" + directory.resolve("issuing.p12"),
                    "--ramparts.pki.cas.issuing.passphrase-file=" + passphrase));
            Path log = directory.resolve("pki.log");
            Process process = Processes.startDetached(new ProcessSpec("pki", command, directory, Map.of(), log));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Processes.stopTree(process.toHandle(), Duration.ofSeconds(20))));
            HealthProbe.await("pki", URI.create("http://127.0.0.1:" + port + "/actuator/health"),
                    answer -> answer.statusCode() == 200 && "UP".equals(answer.status()), process.toHandle(), log, Duration.ofMinutes(3));
            return new RealPki(directory, port, process, admin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the jar's CLI ({@code java -jar ramparts-pki.jar ca ...}) in {@code directory}; fails with its output unless it exits 0. */
    private static void cli(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("pki " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** An HTTP answer from pki. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A call as the bootstrap administrator (HTTP basic). */
    public Answer call(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer post(String path, Object json) {
        return call("POST", path, "application/json", JSON.writeValueAsString(json));
    }

    /** Imports units from CSV ({@code code,name,parent_code,allowed_domains}); fails unless pki took every row. */
    public void importUnits(String csv) {
        Answer answer = call("POST", "/api/v1/imports/units", "text/csv", "code,name,parent_code,allowed_domains\n" + csv);
        if (answer.status() != 200) {
            throw new IllegalStateException("unit import refused: " + answer.body());
        }
    }

    /** A new API token with this role; the secret, and its id for revocation. */
    public record Token(String id, String secret) {
    }

    public Token token(String name, String role) {
        Answer created = post("/api/v1/tokens", Map.of("name", name, "role", role, "validity", "P30D"));
        if (created.status() != 201) {
            throw new IllegalStateException("token refused: " + created.body());
        }
        JsonNode json = created.json();
        return new Token(json.get("token").get("id").asString(), json.get("secret").asString());
    }

    public void revokeToken(Token token) {
        Answer revoked = call("DELETE", "/api/v1/tokens/" + token.id(), null, null);
        if (revoked.status() != 200) {
            throw new IllegalStateException("token revocation refused: " + revoked.body());
        }
    }

    /**
     * Issues a unit-signing certificate (the seal) for {@code unitCode} from a CSR made by openssl; returns its serial.
     */
    public String issueSeal(String unitCode, String unitName) {
        try {
            Path key = directory.resolve("seal-" + unitCode + ".key");
            Path csr = directory.resolve("seal-" + unitCode + ".csr");
            Process openssl = new ProcessBuilder("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key.toString(), "-out", csr.toString(), "-utf8",
                    "-subj", "/C=VN/L=Ho Chi Minh City/O=" + unitName + "/organizationIdentifier=" + unitCode + "/CN=" + unitName)
                    .redirectErrorStream(true).start();
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!openssl.waitFor(1, TimeUnit.MINUTES) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl req failed: " + output);
            }
            Answer issued = post("/api/v1/certificates", Map.of("profile", "unit-signing", "csr", Files.readString(csr)));
            if (issued.status() != 201) {
                throw new IllegalStateException("seal for " + unitCode + " refused: " + issued.body());
            }
            return issued.json().get("serialNumber").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void revoke(String serial) {
        Answer revoked = post("/api/v1/certificates/" + serial + "/revocation", Map.of("reason", "keyCompromise"));
        if (revoked.status() != 200) {
            throw new IllegalStateException("revocation of " + serial + " refused: " + revoked.body());
        }
    }

    public boolean alive() {
        return process.isAlive();
    }
}
