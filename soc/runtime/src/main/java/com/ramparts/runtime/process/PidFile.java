package com.ramparts.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * A pid file that also records when the process started, so a pid the kernel has since reused
 * for an unrelated process is never mistaken for ours.
 */
public record PidFile(Path path) {

    /** Records a running process; written atomically so a reader never sees half a file. */
    public void write(ProcessHandle process) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        String content = process.pid() + " " + started.toEpochMilli() + "\n";
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + path, e);
        }
    }

    /** The process this file names, if it is still the same process and still alive. */
    public Optional<ProcessHandle> liveProcess() {
        String content;
        try {
            // ISO-8859-1 decodes any byte, so a damaged file fails the parse below instead of throwing here
            content = Files.readString(path, StandardCharsets.ISO_8859_1).trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pid file " + path, e);
        }
        String[] parts = content.split("\\s+");
        long pid;
        Long startedMillis;
        try {
            pid = Long.parseLong(parts[0]);
            startedMillis = parts.length > 1 ? Long.parseLong(parts[1]) : null;
        } catch (NumberFormatException e) {
            return Optional.empty(); // a damaged pid file names no process of ours
        }
        // the JDK truncates pids to 32 bits: 2^32 + 1 would name init
        if (pid < 1 || pid > Integer.MAX_VALUE || parts.length > 2 || (startedMillis != null && startedMillis < 0)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(Processes::isRunning)
                .filter(p -> startedMillis == null || sameStart(p, startedMillis));
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file " + path, e);
        }
    }

    private static boolean sameStart(ProcessHandle process, long startedMillis) {
        // start instants come from /proc with clock-tick resolution; allow for rounding
        return process.info().startInstant()
                .map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 1_000)
                .orElse(true);
    }
}
