package com.ramparts.runtime.secrets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;

/**
 * The first administrator's user name and password, generated once and stored in a properties
 * file with mode 0600 (in a 0700 directory). {@link #toString()} never shows the password.
 */
public record AdminCredentials(String username, String password) {

    public static final String DEFAULT_USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 24;
    private static final long MAX_FILE_BYTES = 4096;

    public AdminCredentials {
        if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("administrator user name must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        if (password == null || password.length() < 12 || password.length() > 256) {
            throw new IllegalArgumentException("administrator password must be 12-256 characters long");
        }
    }

    /** Result of {@link #loadOrCreate}: the credentials and whether this call created them. */
    public record Loaded(AdminCredentials credentials, boolean created) {
    }

    /**
     * Reads the credentials file, or creates it with a fresh random password if it does not exist.
     * Safe against two processes starting at once: exactly one creates, the other reads.
     */
    public static Loaded loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return new Loaded(read(file), false);
        }
        AdminCredentials fresh = new AdminCredentials(DEFAULT_USERNAME, randomPassword());
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(ownerOnly))) {
                String content = "# Ramparts first administrator, generated on first start. Keep this file secret.\n"
                        + "username=" + fresh.username() + "\npassword=" + fresh.password() + "\n";
                channel.write(StandardCharsets.UTF_8.encode(content));
                channel.force(true);
            }
            Files.setPosixFilePermissions(file, ownerOnly); // the umask must not widen it
            return new Loaded(fresh, true);
        } catch (FileAlreadyExistsException raced) {
            return new Loaded(read(file), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the administrator credentials file " + file, e);
        }
    }

    /** Reads an existing credentials file, refusing one that others can read. */
    public static AdminCredentials read(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                throw new IllegalStateException("administrator credentials file " + file + " is readable by others ("
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalStateException("administrator credentials file " + file + " is larger than "
                        + MAX_FILE_BYTES + " bytes; it is not one Ramparts wrote");
            }
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String username = properties.getProperty("username");
            String password = properties.getProperty("password");
            if (username == null || password == null) {
                throw new IllegalStateException("administrator credentials file " + file + " lacks 'username' or 'password'");
            }
            try {
                return new AdminCredentials(username.strip(), password.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("administrator credentials file " + file + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the administrator credentials file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "AdminCredentials[username=" + username + ", password=(hidden)]";
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
