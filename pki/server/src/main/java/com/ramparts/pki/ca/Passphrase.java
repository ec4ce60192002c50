package com.ramparts.pki.ca;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * A keystore passphrase, read from a file (first line, owner-readable only) or an environment
 * variable. It is never logged: {@link #toString()} hides it and only this package can read it.
 */
public final class Passphrase implements AutoCloseable {

    /** New keystores need at least this many characters. */
    public static final int MINIMUM_LENGTH = 12;
    private static final long MAX_FILE_BYTES = 4096;

    private final char[] characters;

    private Passphrase(char[] characters) {
        this.characters = characters;
    }

    /**
     * The passphrase from exactly one of a file or an environment variable.
     *
     * @param what names the setting in error messages, e.g. {@code --passphrase-file} or {@code ramparts.pki.cas.issuing}
     */
    public static Passphrase from(Path file, String environmentVariable, String what) {
        boolean hasFile = file != null;
        boolean hasVariable = environmentVariable != null && !environmentVariable.isBlank();
        if (hasFile == hasVariable) {
            throw new PkiException(PkiError.KEYSTORE_PASSPHRASE_MISSING, what, what);
        }
        return hasFile ? fromFile(file) : fromEnvironment(environmentVariable);
    }

    public static Passphrase fromFile(Path file) {
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                    throw new PkiException(PkiError.KEYSTORE_PASSPHRASE_FILE_UNSAFE, "passphrase-file", file);
                }
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PkiException(PkiError.KEYSTORE_PASSPHRASE_MISSING, "passphrase-file", file);
            }
            byte[] bytes = Files.readAllBytes(file);
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            int end = 0;
            while (end < decoded.limit() && decoded.get(end) != '\n' && decoded.get(end) != '\r') {
                end++;
            }
            char[] line = new char[end];
            decoded.get(0, line);
            Arrays.fill(decoded.array(), '\0');
            return nonEmpty(line, file.toString());
        } catch (IOException e) {
            throw new PkiException(PkiError.KEYSTORE_PASSPHRASE_MISSING, "passphrase-file", e, file);
        }
    }

    public static Passphrase fromEnvironment(String variable) {
        String value = System.getenv(variable);
        return nonEmpty(value == null ? new char[0] : value.toCharArray(), "$" + variable);
    }

    /** Refuses passphrases too short to protect a new CA key. */
    public Passphrase requireStrongForNewKeystore() {
        if (characters.length < MINIMUM_LENGTH) {
            throw new PkiException(PkiError.KEYSTORE_PASSPHRASE_TOO_SHORT, "passphrase", String.valueOf(MINIMUM_LENGTH));
        }
        return this;
    }

    char[] characters() {
        return characters;
    }

    @Override
    public void close() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public String toString() {
        return "Passphrase(hidden)";
    }

    private static Passphrase nonEmpty(char[] characters, String source) {
        if (characters.length == 0) {
            throw new PkiException(PkiError.KEYSTORE_PASSPHRASE_MISSING, "passphrase", source);
        }
        return new Passphrase(characters);
    }
}
