package com.ramparts.pki.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real command-line clients (curl, openssl, base64) run in a directory; tests skip when a tool is missing. */
public final class Commands {

    private Commands() {
    }

    public record Result(int exitCode, String output) {
    }

    /** Skips the test unless {@code /usr/bin/<tool>} exists, naming the Debian package that has it. */
    public static void require(String tool, String debianPackage) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)),
                tool + " is not installed (apt-get install " + debianPackage + ")");
    }

    /** Runs a command, stdout and stderr together, within 60 s. */
    public static Result run(Path directory, String... command) {
        return run(directory, java.util.Map.of(), command);
    }

    /** Runs a command with extra environment variables, stdout and stderr together, within 60 s. */
    public static Result run(Path directory, java.util.Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("did not finish: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command and fails with its output unless it exits 0. */
    public static String ok(Path directory, String... command) {
        Result result = run(directory, command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }
}
