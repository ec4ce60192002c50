package com.ramparts.pki.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real openssl command line; tests that need it are skipped with a message when it is missing. */
public final class OpenSsl {

    private static final Path BINARY = Path.of(System.getenv().getOrDefault("RAMPARTS_OPENSSL", "/usr/bin/openssl"));

    private OpenSsl() {
    }

    public record Result(int exitCode, String output) {
    }

    public static void requireInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "openssl is not installed at " + BINARY + " (apt-get install openssl)");
    }

    /** Runs {@code openssl args...}, stdout and stderr together, within 60 s. */
    public static Result run(String... args) {
        requireInstalled();
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
