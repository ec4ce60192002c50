package com.ramparts.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.runtime.host.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code enroll} refusing bad use before it talks to anyone (enrolment itself: the launcher's AgentTlsIT with the real pki). */
class EnrollCommandTest {

    private static final String PIN = "AB".repeat(32);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = AgentCli.commandLine(AgentCli::builtInParser);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void badSiteIdsFingerprintsAndUrlsAreUsageErrorsAndNothingIsStored() {
        Path tls = dir.resolve("tls");
        assertThat(run("enroll", "--pki", "https://127.0.0.1:1", "--token", "t", "--site", "Ward 03", "--ca-fingerprint", PIN,
                "--dir", tls.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("is not a site id");
        assertThat(run("enroll", "--pki", "https://127.0.0.1:1", "--token", "t", "--site", "ward-03", "--ca-fingerprint", "12:34",
                "--dir", tls.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("64 hex digits");
        assertThat(run("enroll", "--pki", "http://127.0.0.1:1", "--token", "t", "--site", "ward-03", "--ca-fingerprint", PIN,
                "--dir", tls.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("https");
        assertThat(tls).doesNotExist();
    }

    @Test
    void tokenAndTrustMustEachBeGivenExactlyOnce() {
        assertThat(run("enroll", "--pki", "https://p:1", "--site", "ward-03", "--ca-fingerprint", PIN)).isEqualTo(2);
        assertThat(run("enroll", "--pki", "https://p:1", "--site", "ward-03", "--token", "t", "--token-file", "/x",
                "--ca-fingerprint", PIN)).isEqualTo(2);
        assertThat(run("enroll", "--pki", "https://p:1", "--site", "ward-03", "--token", "t")).isEqualTo(2);
        assertThat(run("enroll", "--pki", "https://p:1", "--site", "ward-03", "--token", "t", "--ca-fingerprint", PIN,
                "--ca-file", "/x")).isEqualTo(2);
    }

    @Test
    void anUnreachablePkiFailsWithTheReasonAndStoresNothing() throws Exception {
        Path tls = dir.resolve("tls");
        Path token = Files.writeString(dir.resolve("token"), "secret-token\n");
        int closedPort = Ports.freePort();
        assertThat(run("enroll", "--pki", "https://127.0.0.1:" + closedPort, "--token-file", token.toString(), "--site", "ward-03",
                "--ca-fingerprint", PIN, "--dir", tls.toString())).isEqualTo(EnrollCommand.ENROLMENT_FAILED);
        assertThat(out.toString()).contains("enrolment failed, nothing stored").contains("cannot reach");
        assertThat(tls).doesNotExist();
    }
}
