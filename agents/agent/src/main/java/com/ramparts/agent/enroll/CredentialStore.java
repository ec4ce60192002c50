package com.ramparts.agent.enroll;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's credentials on disk, in one directory only its user may enter (0700):
 * <ul>
 *   <li>{@code agent.pem} (0600): the private key, then the certificate chain, leaf first. One file,
 *       so a renewal swaps key and certificate together with one rename;</li>
 *   <li>{@code ca.pem} (0600): the CA certificates trusted for pki and Kafka.</li>
 * </ul>
 * Every file is written to a temporary sibling created 0600 (never readable by others, not even for
 * a moment), forced to disk, renamed over the old one, and the directory is forced.
 */
public final class CredentialStore {

    public static final String KEY_AND_CHAIN = "agent.pem";
    public static final String TRUSTED = "ca.pem";
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    public CredentialStore(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    public Path dir() {
        return dir;
    }

    public Path keyAndChainFile() {
        return dir.resolve(KEY_AND_CHAIN);
    }

    public Path trustedFile() {
        return dir.resolve(TRUSTED);
    }

    public boolean exists() {
        return Files.isRegularFile(keyAndChainFile()) && Files.isRegularFile(trustedFile());
    }

    /** Stores the credentials, trusted CAs first (so a stored key never lacks its trust anchors). */
    public synchronized void write(Credentials credentials) throws IOException {
        prepareDirectory();
        writeSecret(trustedFile(), Pem.certificates(credentials.trusted()));
        writeSecret(keyAndChainFile(), Pem.privateKey(credentials.key()) + Pem.certificates(credentials.chain()));
    }

    /** The stored credentials, or empty when none were stored; throws when the files are damaged. */
    public synchronized Optional<Credentials> read() throws IOException {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            String keyAndChain = text(keyAndChainFile());
            String trusted = text(trustedFile());
            PrivateKey key = Pem.readPrivateKey(keyAndChain);
            List<X509Certificate> chain = Pem.readCertificates(keyAndChain);
            List<X509Certificate> anchors = Pem.readCertificates(trusted);
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException(trustedFile() + " holds no CA certificate");
            }
            return Optional.of(new Credentials(key, chain, anchors));
        } catch (IllegalArgumentException e) {
            throw new IOException("the credentials in " + dir + " are damaged (" + e.getMessage()
                    + "); enrol again with ramparts-agent enroll", e);
        }
    }

    /** PEM is ASCII; anything else (a damaged file) becomes replacement characters that the PEM reader refuses. */
    private static String text(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }

    private void prepareDirectory() throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        Files.setPosixFilePermissions(dir, DIRECTORY); // an existing directory may have been made with the umask
    }

    private void writeSecret(Path target, String content) throws IOException {
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp); // a leftover of a crash, maybe with other permissions
        try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(FILE))) {
            ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.setPosixFilePermissions(temp, FILE); // CREATE_NEW's attribute is filtered by the umask; 0600 needs no more bits
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
