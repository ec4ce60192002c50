package com.ramparts.soc.response;

import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.process.HealthProbe;
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
 * The real pki, from its own built jar ({@code pki/server/target/ramparts-pki.jar}), as a separate process: the CA
 * ceremonies through its CLI (init-root, init-issuing, sign-issuing, install-issuing), then the service on a free port
 * with that issuing CA and an H2 database in a temporary directory. One per test JVM, stopped when the JVM exits.
 * The reactor builds pki before soc's tests (soc/server declares it as a test dependency).
 */
final class PkiProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static PkiProcess shared;

    private final Path directory;
    private final URI url;
    private final AdminCredentials admin;
    private final HttpClient http = HttpClient.newHttpClient();

    private PkiProcess(Path directory, URI url, AdminCredentials admin) {
        this.directory = directory;
        this.url = url;
        this.admin = admin;
    }

    static synchronized PkiProcess shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    URI url() {
        return url;
    }

    private static PkiProcess start() {
        Path jar = jar();
        try {
            Path directory = Files.createTempDirectory("soc-pki-");
            Path passphrase = directory.resolve("passphrase");
            Files.writeString(passphrase, "soc response test passphrase " + System.nanoTime() + "\n");
            Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
            String pass = passphrase.toString();
            cli(jar, directory, "ca", "init-root", "--subject", "C=VN,O=Ramparts Test City,CN=Soc Test Root CA",
                    "--key-type", "EC_P256", "--keystore", directory.resolve("root.p12").toString(), "--passphrase-file", pass,
                    "--certificate-out", directory.resolve("root.pem").toString());
            cli(jar, directory, "ca", "init-issuing", "--subject", "C=VN,O=Ramparts Test City,CN=Soc Test Issuing CA",
                    "--key-type", "EC_P256", "--keystore", directory.resolve("issuing.p12").toString(), "--passphrase-file", pass,
                    "--csr-out", directory.resolve("issuing.csr").toString());
            cli(jar, directory, "ca", "sign-issuing", "--root-keystore", directory.resolve("root.p12").toString(),
                    "--root-passphrase-file", pass, "--csr", directory.resolve("issuing.csr").toString(), "--validity", "2y",
                    "--certificate-out", directory.resolve("issuing-chain.pem").toString());
            cli(jar, directory, "ca", "install-issuing", "--keystore", directory.resolve("issuing.p12").toString(),
                    "--passphrase-file", pass, "--certificate", directory.resolve("issuing-chain.pem").toString(),
                    "--root", directory.resolve("root.pem").toString());
            int port = Ports.freePort();
            Path credentials = directory.resolve("admin-credentials");
            Path log = directory.resolve("pki.log");
            List<String> command = List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--server.address=127.0.0.1", "--server.port=" + port,
                    "--ramparts.pki.data-dir=" + directory.resolve("data"),
                    "--ramparts.pki.admin-credentials-file=" + credentials,
                    "--ramparts.pki.cas.issuing.keystore=" + directory.resolve("issuing.p12"),
                    "--ramparts.pki.cas.issuing.passphrase-file=" + pass);
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Processes.stopTree(process.toHandle(), Duration.ofSeconds(10)),
                    "stop-test-pki"));
            URI url = URI.create("http://127.0.0.1:" + port);
            HealthProbe.await("pki", url.resolve("/actuator/health"), answer -> answer.statusCode() == 200
                    && "UP".equals(answer.status()), process.toHandle(), log, Duration.ofMinutes(3));
            return new PkiProcess(directory, url, AdminCredentials.read(credentials));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API token for soc, made by pki's administrator as an operator would: role ADMIN, named after soc. */
    String createToken(String name) {
        JsonNode created = call("POST", "/api/v1/tokens", Map.of("name", name, "role", "ADMIN", "validity", "P1D"), basic(), 201);
        return created.get("secret").asString();
    }

    /** Issues an agent-tls certificate for a site from a key and CSR openssl makes; answers its serial. */
    String issueAgentCertificate(String siteId) {
        try {
            Path key = directory.resolve(siteId + ".key");
            Path csr = directory.resolve(siteId + ".csr");
            run(List.of("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key.toString(), "-subj", "/O=Ramparts/CN=" + siteId,
                    "-addext", "subjectAltName=URI:urn:ramparts:site:" + siteId, "-out", csr.toString()));
            JsonNode issued = call("POST", "/api/v1/certificates",
                    Map.of("profile", "agent-tls", "csr", Files.readString(csr)), basic(), 201);
            return issued.get("serialNumber").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate as pki's inventory has it now. */
    JsonNode certificate(String serial) {
        return call("GET", "/api/v1/certificates/" + serial, null, basic(), 200);
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode call(String method, String path, Object body, String authorization, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void cli(Path jar, Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        run(command, directory);
    }

    private static void run(List<String> command) {
        run(command, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static void run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** pki's jar in this checkout; the build (reactor order) makes it before soc's tests run. */
    private static Path jar() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("pki/server/target/ramparts-pki.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("pki's jar is missing (pki/server/target/ramparts-pki.jar above " + here
                + "); build it with the soc tests: ./mvnw -pl soc/server -am verify");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
