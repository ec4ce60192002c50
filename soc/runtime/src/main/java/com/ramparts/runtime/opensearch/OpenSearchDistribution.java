package com.ramparts.runtime.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The OpenSearch distribution zip from Maven Central, unpacked once into a directory shared by all
 * instances (each instance has its own config, data and logs). Readable by everyone, because the
 * node may run as an unprivileged user.
 */
public final class OpenSearchDistribution {

    private static final String COMPLETE_MARKER = ".ramparts-unpacked";

    private OpenSearchDistribution() {
    }

    /**
     * Unpacks {@code zip} under {@code parent} unless a complete copy is already there.
     *
     * @return the distribution's home directory (containing bin/, lib/, config/ ...)
     */
    public static Path unpackOnce(Path zip, Path parent) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("OpenSearch distribution not found at " + zip
                    + "; build first (./mvnw -DskipTests package) so Maven fetches it");
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path home = parent.resolve(name);
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            return home;
        }
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, name + ".unpacking-");
            unzip(zip, staging);
            Path unpackedHome = singleTopDirectory(staging);
            Files.createFile(unpackedHome.resolve(COMPLETE_MARKER));
            if (Files.exists(home) && !Files.exists(home.resolve(COMPLETE_MARKER))) {
                deleteTree(home); // left by an unpack that died half-way
            }
            try {
                Files.move(unpackedHome, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException raced) {
                // another process finished first (Linux says "Directory not empty"); theirs is as good as ours
                if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                    throw raced;
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + parent + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                try {
                    deleteTree(staging);
                } catch (IOException e) {
                    System.err.println("could not delete " + staging + ": " + e.getMessage());
                }
            }
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    continue;
                }
                Files.createDirectories(out.getParent());
                // ZipFile checks neither size nor CRC; a corrupt download must not pass as a distribution
                long written;
                try (CheckedInputStream in = new CheckedInputStream(file.getInputStream(entry), new CRC32())) {
                    written = Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getSize() >= 0 && written != entry.getSize())
                            || (entry.getCrc() >= 0 && in.getChecksum().getValue() != entry.getCrc())) {
                        throw new IOException("corrupt zip entry " + entry.getName() + " (size or CRC mismatch)");
                    }
                }
                // java.util.zip does not expose unix modes; the only executables are the scripts in bin/
                boolean executable = out.getParent().getFileName().toString().equals("bin");
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path singleTopDirectory(Path staging) throws IOException {
        try (Stream<Path> top = Files.list(staging)) {
            var dirs = top.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) {
                throw new IOException("expected one top-level directory in the OpenSearch zip, found " + dirs);
            }
            return dirs.getFirst();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
