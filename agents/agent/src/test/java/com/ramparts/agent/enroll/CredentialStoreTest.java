package com.ramparts.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    private static final TestCas.Ca ROOT = TestCas.root("CN=Test Root,O=City");
    private static final TestCas.Ca ISSUING = TestCas.issuing("CN=Test Issuing,O=City", ROOT);

    @TempDir
    Path dir;

    private static Credentials credentials(Duration lifetime) {
        KeyPair keys = KeyPairs.generate();
        return new Credentials(keys.getPrivate(), List.of(TestCas.leaf("CN=ward-03,O=Ramparts", keys.getPublic(), ISSUING,
                lifetime), ISSUING.certificate()), List.of(ISSUING.certificate(), ROOT.certificate()));
    }

    @Test
    void keyAndCertificateAreStoredForTheOwnerOnlyAndReadBack() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        CredentialStore store = new CredentialStore(dir.resolve("tls"));
        Credentials written = credentials(Duration.ofDays(30));
        store.write(written);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.keyAndChainFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.trustedFile()))).isEqualTo("rw-------");
        try (var files = Files.list(store.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("agent.pem", "ca.pem");
        }
        Credentials read = store.read().orElseThrow();
        assertThat(read.key().getEncoded()).isEqualTo(written.key().getEncoded());
        assertThat(read.chain()).isEqualTo(written.chain());
        assertThat(read.trusted()).isEqualTo(written.trusted());
        assertThat(Files.readString(store.keyAndChainFile())).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void aDirectoryMadeByOthersIsClosedAndRenewalReplacesTheFiles() throws IOException {
        Path tls = Files.createDirectory(dir.resolve("tls"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxr-x")));
        CredentialStore store = new CredentialStore(tls);
        store.write(credentials(Duration.ofDays(30)));
        Credentials renewed = credentials(Duration.ofDays(60));
        store.write(renewed);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls))).isEqualTo("rwx------");
        assertThat(store.read().orElseThrow().certificate()).isEqualTo(renewed.certificate());
    }

    @Test
    void nothingStoredIsEmptyAndDamagedFilesSayWhatToDo() throws IOException {
        CredentialStore store = new CredentialStore(dir.resolve("tls"));
        assertThat(store.read()).isEmpty();
        store.write(credentials(Duration.ofDays(30)));
        String text = Files.readString(store.keyAndChainFile());
        Files.writeString(store.keyAndChainFile(), text.substring(0, text.length() / 2)); // torn by hand
        assertThatThrownBy(store::read).isInstanceOf(IOException.class).hasMessageContaining("damaged")
                .hasMessageContaining("ramparts-agent enroll");
        Files.writeString(store.keyAndChainFile(), "\u0000\u00ff garbage");
        assertThatThrownBy(store::read).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }

    @Test
    void aCertificateForAnotherKeyIsNeverPairedWithThisKey() {
        KeyPair mine = KeyPairs.generate();
        KeyPair other = KeyPairs.generate();
        assertThatThrownBy(() -> new Credentials(mine.getPrivate(), List.of(TestCas.leaf("CN=ward-03,O=Ramparts",
                other.getPublic(), ISSUING, Duration.ofDays(1))), List.of(ROOT.certificate())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not for this private key");
    }

    @Test
    void renewalIsDueAtTwoThirdsOfTheLifetime() {
        Credentials credentials = credentials(Duration.ofDays(30));
        Duration untilRenewal = Duration.between(credentials.notBefore(), credentials.renewAt());
        assertThat(untilRenewal).isEqualTo(Duration.ofDays(20));
    }

    @Test
    void theSiteOfACertificateIsItsOneCommonNameExactly() {
        KeyPair keys = KeyPairs.generate();
        assertThat(Enroller.commonName(TestCas.leaf("CN=ward-031,O=Ramparts", keys.getPublic(), ISSUING, Duration.ofDays(1))))
                .isEqualTo("ward-031").isNotEqualTo("ward-03");
        assertThat(Enroller.commonName(TestCas.leaf("O=Ramparts", keys.getPublic(), ISSUING, Duration.ofDays(1)))).isNull();
    }
}
