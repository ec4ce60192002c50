package com.ramparts.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.agent.testing.LineParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AgentCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = AgentCli.commandLine(LineParser::lookup);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("agent.yml"), yaml);
    }

    @Test
    void checkConfigPrintsOkForAValidConfiguration() throws IOException {
        Path config = config("""
                agent: {id: agent-7, site_id: ward-03}
                kafka: {bootstrap_servers: "localhost:9092"}
                inputs:
                  - {id: app, type: file, format: test-lines, path: /var/log/app.log}
                """);
        assertThat(run("run", "--config", config.toString(), "--check-config")).isZero();
        assertThat(out.toString()).contains("OK").contains("1 input(s)");
    }

    @Test
    void checkConfigListsEachProblemWithKeyAndLineAndExitsNonZero() throws IOException {
        Path config = config("""
                agent: {id: agent-7, site_id: ward-03}
                kafka: {bootstrap_servers: "localhost:9092"}
                inputs:
                  - id: app
                    type: file
                    format: suricata-eve
                    path: /var/log/app.log
                    poll_interval: often
                """);
        assertThat(run("run", "--config", config.toString(), "--check-config")).isEqualTo(AgentCli.INVALID_CONFIG);
        assertThat(err.toString())
                .contains("agent.yml:line 6, column 13: inputs[0].format: 'suricata-eve' is not a known parser format")
                .contains("agent.yml:line 8, column 20: inputs[0].poll_interval: 'often' is not a duration");
    }

    @Test
    void aMissingConfigurationFileIsAClearError() {
        assertThat(run("run", "--config", dir.resolve("absent.yml").toString(), "--check-config"))
                .isEqualTo(AgentCli.INVALID_CONFIG);
        assertThat(err.toString()).contains("cannot read").contains("absent.yml");
    }

    @Test
    void versionNamesTheAgent() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("ramparts-agent ");
    }
}
