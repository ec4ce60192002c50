package com.ramparts.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts and stops the servers the appliance and the tests run as child processes. */
public final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {
    }

    /**
     * Starts the process in its own session (so it outlives the caller and no terminal hangup
     * reaches it), with stdin closed and stdout/stderr appended to its log file.
     */
    public static Process startDetached(ProcessSpec spec) {
        requireExecutable(spec);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // not a group leader here, so setsid execs in place: the pid we get is the server's
            command.add(SETSID.toString());
        }
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        builder.environment().putAll(spec.env());
        try {
            Files.createDirectories(spec.logFile().getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name() + ": " + String.join(" ", spec.command()), e);
        }
    }

    /**
     * Fails now, naming the command, if its program does not exist: behind setsid a missing
     * program would otherwise only show up as exit code 127 in the log.
     */
    private static void requireExecutable(ProcessSpec spec) {
        String program = spec.command().getFirst();
        boolean found;
        if (program.contains("/")) {
            found = Files.isExecutable(spec.workingDirectory().resolve(program));
        } else {
            String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            found = java.util.Arrays.stream(path.split(":"))
                    .filter(dir -> !dir.isEmpty())
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        }
        if (!found) {
            throw new UncheckedIOException("cannot start " + spec.name() + ": no executable program '" + program + "' ("
                    + String.join(" ", spec.command()) + ")", new java.io.FileNotFoundException(program));
        }
    }

    /**
     * True if the process exists and has not exited. A zombie (exited, not yet reaped by a parent
     * or an init that does not reap) counts as exited, although the JDK calls it alive.
     */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), java.nio.charset.StandardCharsets.ISO_8859_1);
            int afterName = stat.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (IOException e) {
            return process.isAlive(); // no /proc: trust the JDK
        }
    }

    /**
     * Stops a process and all its descendants: SIGTERM first, so servers flush and close
     * cleanly; SIGKILL for whatever is still alive after the grace period.
     *
     * @return true if everything exited within the grace period
     */
    public static boolean stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.addFirst(root);
        all.forEach(ProcessHandle::destroy);
        boolean clean = awaitExit(all, grace);
        if (!clean) {
            all.stream().filter(Processes::isRunning).forEach(ProcessHandle::destroyForcibly);
            awaitExit(all, Duration.ofSeconds(10));
        }
        return clean;
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(Processes::isRunning)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(50); // processes that are not our children offer nothing to wait on but polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * The last lines of a log file, for error messages that show why a server died. Reads only
     * the file's end and decodes leniently, so a huge or binary log cannot hurt the caller.
     */
    public static String tail(Path logFile, int lines) {
        if (!Files.exists(logFile)) {
            return "";
        }
        try (var file = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[window];
            file.seek(length - window);
            file.readFully(bytes);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            String[] all = text.split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), java.util.Arrays.copyOfRange(all, from, all.length));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
