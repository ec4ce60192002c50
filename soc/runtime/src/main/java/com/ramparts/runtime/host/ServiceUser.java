package com.ramparts.runtime.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The unprivileged system user that servers which refuse root (OpenSearch) run as when we are
 * started as root. Created on first use with no home and no login shell.
 */
public record ServiceUser(String name, int uid, int gid) {

    public static final String DEFAULT_NAME = "ramparts";

    /** True if this JVM runs as root. */
    public static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no /proc or no unix attributes: not Linux root as we know it
        }
    }

    /** Looks the user up, creating it as a system user if it does not exist yet. */
    public static ServiceUser ensure(String name) {
        if (!name.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("invalid service user name '" + name + "'");
        }
        if (run(List.of("id", "-u", name)).exitCode() != 0) {
            Result created = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name));
            // a concurrent creator may have won the race; only fail if the user still does not exist
            if (created.exitCode() != 0 && run(List.of("id", "-u", name)).exitCode() != 0) {
                throw new IllegalStateException("cannot create system user '" + name + "' to run OpenSearch "
                        + "(OpenSearch refuses to run as root): useradd said: " + created.output().trim());
            }
        }
        int uid = Integer.parseInt(run(List.of("id", "-u", name)).output().trim());
        int gid = Integer.parseInt(run(List.of("id", "-g", name)).output().trim());
        return new ServiceUser(name, uid, gid);
    }

    /** The prefix that runs a command as this user: setpriv execs in place, so pids stay ours. */
    public List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
    }

    /** Gives this user everything under {@code dir} (which we created for it). */
    public void own(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + dir + " to user " + name, e);
        }
    }

    /**
     * True if a user other than root can reach {@code dir}: every existing ancestor must be
     * searchable by others. A checkout under /root, for example, is not.
     */
    public static boolean othersCanTraverse(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command.getFirst() + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
