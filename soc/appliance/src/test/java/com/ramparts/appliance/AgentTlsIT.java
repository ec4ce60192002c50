package com.ramparts.appliance;

import com.ramparts.agent.cli.AgentCli;
import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.EnrolmentConfig;
import com.ramparts.agent.config.FileInputConfig;
import com.ramparts.agent.config.KafkaConfig;
import com.ramparts.agent.config.SpoolConfig;
import com.ramparts.agent.enroll.CredentialStore;
import com.ramparts.agent.enroll.Credentials;
import com.ramparts.agent.enroll.Pem;
import com.ramparts.agent.parse.ParserSettings;
import com.ramparts.agent.parse.Parsers;
import com.ramparts.agent.pipeline.Agent;
import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.FullPolicy;
import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.process.ProcessSpec;
import com.ramparts.runtime.process.Processes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent against the real pki and the launcher's real broker, each in its own process as the
 * appliance runs them: a CA made by pki's own ceremony commands, pki serving EST over HTTPS, the
 * broker with its server certificate issued by pki through the REST API and the agents' TLS
 * listener. The agent enrols with a one-time token, ships over mutual TLS to its own topic, renews
 * at two thirds of its (here 45 s) lifetime while shipping; kcat plays the hostile clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentTlsIT {

    private static final Path HOME = Path.of(System.getProperty("ramparts.home", "../..")).toAbsolutePath().normalize();
    private static final Duration AGENT_CERTIFICATE_LIFETIME = Duration.ofSeconds(45);
    private static final String SITE = "ward-03";
    private static final String OTHER_SITE = "ward-04";

    private Path work;
    private Path ca;
    private Layout layout;
    private ApplianceConfig config;
    private KafkaBrokerPart broker;
    private ProcessHandle brokerProcess;
    private ProcessHandle pkiProcess;
    private int pkiPort;
    private String adminPassword;
    private SSLContext trustPki;
    private String rootFingerprint;

    @BeforeAll
    void realPkiAndBrokerWithTheAgentsListener() throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed (apt-get install openssl)");
        Assumptions.assumeTrue(onPath("kcat"), "kcat is not installed (apt-get install kcat)");
        Path pkiJar = HOME.resolve("pki/server/target/ramparts-pki.jar");
        Assumptions.assumeTrue(Files.isRegularFile(pkiJar), pkiJar + " is not built");
        work = Files.createTempDirectory(Files.isDirectory(HOME.resolve("target")) ? HOME.resolve("target") : Path.of("/tmp"),
                "agent-tls-it-");
        ca = Files.createDirectories(work.resolve("ca"));
        makeHierarchy(pkiJar);
        startPki(pkiJar);
        startBroker();
    }

    @AfterAll
    void stopEverything() {
        if (brokerProcess != null) {
            Processes.stopTree(brokerProcess, Duration.ofSeconds(30));
        }
        if (pkiProcess != null) {
            Processes.stopTree(pkiProcess, Duration.ofSeconds(30));
        }
    }

    // --- the tests, in order -------------------------------------------------------------------

    @Test
    @Order(1)
    void anAgentEnrolsWithItsTokenAndKeepsItsKeyToItself() throws Exception {
        Path dir = work.resolve("enrol/tls");
        String token = token(SITE, "agent-7");

        CliRun wrongPki = enroll("--token", token, "--site", SITE, "--ca-fingerprint", "AB".repeat(32), "--dir", dir.toString());
        assertThat(wrongPki.exitCode()).as(wrongPki.output()).isEqualTo(4);
        assertThat(wrongPki.output()).contains("none of the CA certificates pki sent has the fingerprint");
        assertThat(dir).doesNotExist();

        CliRun otherSite = enroll("--token", token, "--site", OTHER_SITE, "--ca-fingerprint", rootFingerprint, "--dir", dir.toString());
        assertThat(otherSite.exitCode()).as(otherSite.output()).isEqualTo(4);
        assertThat(otherSite.output()).contains("HTTP 403");
        assertThat(dir.resolve("agent.pem")).doesNotExist();

        CliRun enrolled = enroll("--token", token, "--site", SITE, "--agent", "agent-7", "--ca-fingerprint", rootFingerprint,
                "--dir", dir.toString());
        assertThat(enrolled.exitCode()).as(enrolled.output()).isZero();
        assertThat(enrolled.output()).contains("enrolled site ward-03");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent.pem")))).isEqualTo("rw-------");
        Credentials credentials = new CredentialStore(dir).read().orElseThrow();
        assertThat(credentials.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=ward-03,O=Ramparts");
        Command verified = run(work, "openssl", "verify", "-purpose", "sslclient", "-CAfile", ca.resolve("root.pem").toString(),
                "-untrusted", ca.resolve("issuing.pem").toString(), dir.resolve("agent.pem").toString());
        assertThat(verified.output()).as(verified.output()).contains(": OK");

        CliRun spent = enroll("--token", token, "--site", SITE, "--ca-file", ca.resolve("root.pem").toString(),
                "--dir", work.resolve("again/tls").toString());
        assertThat(spent.exitCode()).as(spent.output()).isEqualTo(4);
        assertThat(spent.output()).contains("HTTP 401");
        CliRun already = enroll("--token", token(SITE, "agent-7"), "--site", SITE, "--ca-fingerprint", rootFingerprint,
                "--dir", dir.toString());
        assertThat(already.exitCode()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void theAgentShipsOverMutualTlsToItsTopicAndRenewsWithoutStopping() throws Exception {
        Path agentDir = work.resolve("agent");
        Path tls = agentDir.resolve("tls");
        assertThat(enroll("--token", token(SITE, "agent-7"), "--site", SITE, "--ca-file", ca.resolve("root.pem").toString(),
                "--dir", tls.toString()).exitCode()).isZero();
        Credentials first = new CredentialStore(tls).read().orElseThrow();
        Path log = Files.createDirectories(agentDir.resolve("log")).resolve("kern.log");
        Files.writeString(log, "");
        AgentConfig agentConfig = new AgentConfig("agent-7", SITE, Optional.empty(), agentDir,
                new SpoolConfig(agentDir.resolve("spool"), 16L << 20, 4L << 20, FsyncPolicy.ALWAYS, Duration.ofSeconds(1),
                        FullPolicy.BLOCK),
                new KafkaConfig(broker.agentsEndpoint().orElseThrow(), "telemetry.site.{site}", "zstd", Duration.ofSeconds(10),
                        Duration.ofSeconds(1), Optional.empty(), Map.of()),
                Duration.ofSeconds(60),
                List.of(new FileInputConfig("fw", "iptables", log, Duration.ofMillis(50), 64 * 1024, false, Duration.ofMinutes(10))),
                Optional.of(new EnrolmentConfig(URI.create("https://127.0.0.1:" + pkiPort), tls, true)));
        try (Agent agent = Agent.start(agentConfig, format -> Parsers.create(format, ParserSettings.DEFAULTS), "it");
             Received received = new Received("telemetry.site." + SITE)) {
            appendLines(log, 0, 20);
            await().atMost(Duration.ofSeconds(60)).until(() -> received.fromInput("fw") >= 20);

            // renewal at 2/3 of the lifetime, by the agent itself, while it ships
            await().atMost(AGENT_CERTIFICATE_LIFETIME.plusSeconds(30)).until(() ->
                    !serial(tls).equals(first.certificate().getSerialNumber()));
            Credentials renewed = new CredentialStore(tls).read().orElseThrow();
            assertThat(renewed.certificate().getSubjectX500Principal()).isEqualTo(first.certificate().getSubjectX500Principal());
            assertThat(renewed.certificate().getPublicKey()).isNotEqualTo(first.certificate().getPublicKey());
            assertThat(renewed.certificate().getNotBefore().toInstant())
                    .isAfterOrEqualTo(first.renewAt().minusSeconds(2)); // not earlier than 2/3 of the first lifetime
            appendLines(log, 20, 40);
            await().atMost(Duration.ofSeconds(60)).until(() -> received.fromInput("fw") >= 40);

            // once the first certificate has expired, a new connection can only be made with the renewed one
            await().atMost(AGENT_CERTIFICATE_LIFETIME).until(() -> Instant.now().isAfter(first.notAfter().plusSeconds(1)));
            restartBroker();
            appendLines(log, 40, 60);
            await().atMost(Duration.ofSeconds(90)).until(() -> received.fromInput("fw") >= 60);
            assertThat(received.keys()).containsOnly(SITE);
            assertThat(received.sequences("fw")).containsExactlyInAnyOrderElementsOf(range(0, 60));
        }
    }

    @Test
    @Order(3)
    void hostileClientsAreRefusedByTheBroker() throws Exception {
        Path tls = work.resolve("kcat/tls");
        assertThat(enroll("--token", token(SITE, "agent-7"), "--site", SITE, "--ca-fingerprint", rootFingerprint,
                "--dir", tls.toString()).exitCode()).isZero();
        String pem = tls.resolve("agent.pem").toString();
        String trust = tls.resolve("ca.pem").toString();

        // first the legitimate write, so that the refusals below are not a broken command line
        assertThat(kcat(SiteAccess.topic(SITE), "ward-03", pem, pem, trust).output()).doesNotContain("ERROR");
        Command otherTopic = kcat(SiteAccess.topic(OTHER_SITE), "ward-04", pem, pem, trust);
        assertThat(otherTopic.output()).contains("Topic authorization failed");
        Command sharedTopic = kcat("telemetry.events", "ward-04", pem, pem, trust);
        assertThat(sharedTopic.output()).containsAnyOf("Topic authorization failed", "Unknown topic");

        Command noCertificate = kcat(SiteAccess.topic(SITE), "ward-03", null, null, trust);
        assertThat(noCertificate.output()).containsAnyOf("certificate required", "handshake failure", "Broker transport failure");

        // a certificate with the right name from another CA (openssl makes it; the broker does not trust it)
        run(work, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-subj", "/O=Ramparts/CN=ward-03", "-keyout", work.resolve("rogue-key.pem").toString(),
                "-out", work.resolve("rogue.pem").toString());
        Command rogue = kcat(SiteAccess.topic(SITE), "ward-03", work.resolve("rogue-key.pem").toString(),
                work.resolve("rogue.pem").toString(), trust);
        assertThat(rogue.output()).containsAnyOf("certificate unknown", "bad certificate", "Broker transport failure",
                "unknown ca");

        try (Received site = new Received(SiteAccess.topic(SITE)); Received other = new Received(SiteAccess.topic(OTHER_SITE))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> site.values().contains("kcat-ward-03"));
            assertThat(site.values()).containsOnlyOnce("kcat-ward-03"); // neither the keyless nor the rogue write landed
            assertThat(other.values()).isEmpty();
        }
    }

    // --- pki -----------------------------------------------------------------------------------

    private void makeHierarchy(Path pkiJar) throws IOException {
        Path passphrase = ca.resolve("passphrase");
        Files.writeString(passphrase, "agent tls it " + System.nanoTime() + "\n");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        String java = SpringServicePart.java();
        run(ca, java, "-jar", pkiJar.toString(), "ca", "init-root", "--subject", "C=VN,O=Ramparts IT City,CN=IT Root CA",
                "--key-type", "EC_P384", "--keystore", "root.p12", "--passphrase-file", "passphrase", "--certificate-out", "root.pem");
        run(ca, java, "-jar", pkiJar.toString(), "ca", "init-issuing", "--subject", "C=VN,O=Ramparts IT City,CN=IT Issuing CA",
                "--key-type", "EC_P256", "--keystore", "issuing.p12", "--passphrase-file", "passphrase", "--csr-out", "issuing.csr");
        run(ca, java, "-jar", pkiJar.toString(), "ca", "sign-issuing", "--root-keystore", "root.p12", "--root-passphrase-file",
                "passphrase", "--csr", "issuing.csr", "--validity", "5y", "--certificate-out", "issuing-chain.pem");
        run(ca, java, "-jar", pkiJar.toString(), "ca", "install-issuing", "--keystore", "issuing.p12", "--passphrase-file",
                "passphrase", "--certificate", "issuing-chain.pem", "--root", "root.pem");
        List<X509Certificate> chain = Pem.readCertificates(Files.readString(ca.resolve("issuing-chain.pem")));
        Files.writeString(ca.resolve("issuing.pem"), Pem.certificates(List.of(chain.getFirst())));
        rootFingerprint = run(ca, "openssl", "x509", "-in", "root.pem", "-noout", "-fingerprint", "-sha256").output().strip();

        // pki's own HTTPS certificate, signed with the issuing key by openssl (pki cannot issue before it serves)
        run(ca, "openssl", "pkcs12", "-in", "issuing.p12", "-nocerts", "-nodes", "-passin", "file:passphrase", "-out", "issuing-key.pem");
        run(ca, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost",
                "-keyout", "pki-tls-key.pem", "-out", "pki-tls.csr");
        Files.writeString(ca.resolve("pki-tls.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        run(ca, "openssl", "x509", "-req", "-in", "pki-tls.csr", "-CA", "issuing.pem", "-CAkey", "issuing-key.pem",
                "-set_serial", "0x" + new BigInteger(64, new java.security.SecureRandom()).toString(16), "-days", "2",
                "-extfile", "pki-tls.ext", "-out", "pki-tls-leaf.pem");
        Files.writeString(ca.resolve("pki-tls.pem"), Files.readString(ca.resolve("pki-tls-leaf.pem")) + Files.readString(ca.resolve("issuing.pem")));
        Files.delete(ca.resolve("issuing-key.pem"));
    }

    private void startPki(Path pkiJar) throws Exception {
        pkiPort = Ports.freePort();
        Path data = Files.createDirectories(work.resolve("pki"));
        ProcessSpec spec = new ProcessSpec("pki", List.of(SpringServicePart.java(), "-Xms256m", "-Xmx384m", "-jar", pkiJar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + pkiPort,
                "--ramparts.pki.data-dir=" + data, "--ramparts.pki.admin-credentials-file=" + data.resolve("secrets/admin-credentials"),
                "--ramparts.pki.cas.issuing.keystore=" + ca.resolve("issuing.p12"),
                "--ramparts.pki.cas.issuing.passphrase-file=" + ca.resolve("passphrase"),
                "--ramparts.pki.profiles.agent-tls.validity=" + AGENT_CERTIFICATE_LIFETIME.toSeconds() + "s",
                "--server.ssl.enabled=true", "--server.ssl.certificate=" + ca.resolve("pki-tls.pem"),
                "--server.ssl.certificate-private-key=" + ca.resolve("pki-tls-key.pem"),
                "--server.ssl.trust-certificate=" + ca.resolve("issuing-chain.pem"), "--server.ssl.client-auth=want"),
                data, Map.of(), work.resolve("pki.log"));
        pkiProcess = Processes.startDetached(spec).toHandle();
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("root", Pem.readCertificates(Files.readString(ca.resolve("root.pem"))).getFirst());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(roots);
        trustPki = SSLContext.getInstance("TLS");
        trustPki.init(null, trust.getTrustManagers(), null);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!pkiProcess.isAlive()) {
                throw new IllegalStateException("pki exited:\n" + Processes.tail(work.resolve("pki.log"), 40));
            }
            try {
                return https("GET", "/actuator/health", null).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        Properties admin = new Properties();
        try (var reader = Files.newBufferedReader(data.resolve("secrets/admin-credentials"))) {
            admin.load(reader);
        }
        adminPassword = admin.getProperty("password");
    }

    private HttpResponse<String> https(String method, String path, String json) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().sslContext(trustPki).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + pkiPort + path))
                    .timeout(Duration.ofSeconds(20));
            if (json != null) {
                request.header("Content-Type", "application/json").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)));
            }
            return client.send(json == null ? request.GET().build() : request.method(method,
                    HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String token(String site, String agent) throws IOException, InterruptedException {
        HttpResponse<String> answer = https("POST", "/api/v1/enrolment-tokens",
                "{\"siteId\":\"" + site + "\",\"agentId\":\"" + agent + "\",\"validity\":\"PT1H\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return jsonText(answer.body(), "token");
    }

    // --- the broker ----------------------------------------------------------------------------

    /** The launcher's broker with its certificate from pki (server-tls through the REST API) and pki's CAs. */
    private void startBroker() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String key : List.of("kafka.port", "kafka.controller.port", "kafka.agents.port")) {
            env.put(ApplianceConfig.envName(key), Integer.toString(Ports.freePort()));
        }
        env.put("RAMPARTS_KAFKA_HEAP", "384m");
        layout = new Layout(HOME, work.resolve("data"));
        config = ApplianceConfig.load(layout.configFile(), env);
        broker = new KafkaBrokerPart(config, layout);

        Path tls = Files.createDirectories(layout.data().resolve("kafka/tls"));
        run(tls, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-subj", "/O=Ramparts/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", "broker-key.pem", "-out", "broker.csr");
        String csr = Files.readString(tls.resolve("broker.csr")).replace("\n", "\\n");
        HttpResponse<String> issued = https("POST", "/api/v1/certificates", "{\"profile\":\"server-tls\",\"csr\":\"" + csr + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String chain = jsonText(issued.body(), "chainPem").replace("\\n", "\n");
        Files.writeString(tls.resolve("broker.pem"), Files.readString(tls.resolve("broker-key.pem")) + chain);
        Files.writeString(tls.resolve("ca.pem"), Files.readString(ca.resolve("issuing-chain.pem")));
        Files.delete(tls.resolve("broker-key.pem"));
        assertThat(broker.agentsListener()).isTrue();

        brokerProcess = Processes.startDetached(broker.prepare()).toHandle();
        broker.awaitHealthy(brokerProcess, Duration.ofMinutes(2));
        try (Admin admin = SiteAccess.admin(broker.endpoint())) {
            SiteAccess.allow(admin, SITE, 1);
            SiteAccess.allow(admin, OTHER_SITE, 1);
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("telemetry.events", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private void restartBroker() {
        Processes.stopTree(brokerProcess, Duration.ofSeconds(30));
        brokerProcess = Processes.startDetached(broker.prepare()).toHandle();
        broker.awaitHealthy(brokerProcess, Duration.ofMinutes(2));
    }

    /** What a topic holds, read over the appliance's own (plaintext, super-user) listener. */
    private final class Received implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        Received(String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.endpoint(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        synchronized List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return List.copyOf(records);
        }

        long fromInput(String input) {
            return sequences(input).size();
        }

        List<Long> sequences(String input) {
            List<Long> sequences = new ArrayList<>();
            Pattern id = Pattern.compile("\"event_id\":\"agent-7:" + input + ":(\\d+)\"");
            for (ConsumerRecord<String, String> record : poll()) {
                Matcher matcher = id.matcher(record.value());
                if (matcher.find()) {
                    sequences.add(Long.parseLong(matcher.group(1)));
                }
            }
            return sequences.stream().distinct().toList();
        }

        List<String> keys() {
            return poll().stream().map(ConsumerRecord::key).distinct().toList();
        }

        List<String> values() {
            return poll().stream().map(ConsumerRecord::value).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private record CliRun(int exitCode, String output) {
    }

    private CliRun enroll(String... options) {
        StringWriter out = new StringWriter();
        CommandLine cli = AgentCli.commandLine(format -> Parsers.create(format, ParserSettings.DEFAULTS));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of("enroll", "--pki", "https://127.0.0.1:" + pkiPort));
        args.addAll(List.of(options));
        int code = cli.execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString());
    }

    private static BigInteger serial(Path tls) throws IOException {
        return new CredentialStore(tls).read().orElseThrow().certificate().getSerialNumber();
    }

    /** iptables kernel LOG lines, as in the parser's fixture, numbered by their source port. */
    private static void appendLines(Path log, int from, int to) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            lines.append("Nov 22 10:47:08 fw kernel: [ 2651.269987] RAMPARTS-SSH-DROP: IN=eth0 OUT= MAC=aa:45:9e:a5:36:dc:06:17:94:4c:47:df:08:00 ")
                    .append("SRC=203.0.113.9 DST=10.77.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=41913 DF PROTO=TCP SPT=")
                    .append(40000 + i).append(" DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0 \n");
        }
        Files.writeString(log, lines, StandardOpenOption.APPEND);
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long i = from; i < to; i++) {
            values.add(i);
        }
        return values;
    }

    private static String jsonText(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"").matcher(json);
        assertThat(matcher.find()).as(field + " in " + json).isTrue();
        return matcher.group(1);
    }

    private Command kcat(String topic, String key, String keyFile, String certificateFile, String trust) throws IOException {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", broker.agentsEndpoint().orElseThrow(), "-P", "-t", topic,
                "-K:", "-X", "security.protocol=ssl", "-X", "ssl.ca.location=" + trust, "-X", "message.timeout.ms=8000",
                "-X", "socket.timeout.ms=8000"));
        if (keyFile != null) {
            command.addAll(List.of("-X", "ssl.key.location=" + keyFile, "-X", "ssl.certificate.location=" + certificateFile));
        }
        return run(work, command, key + ":kcat-" + key + "\n", false);
    }

    private record Command(int exitCode, String output) {
    }

    private static Command run(Path dir, String... command) throws IOException {
        return run(dir, List.of(command), null, true);
    }

    private static Command run(Path dir, List<String> command, String input, boolean mustSucceed) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (mustSucceed && process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
        }
        return new Command(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
