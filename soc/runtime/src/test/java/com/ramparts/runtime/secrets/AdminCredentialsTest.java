package com.ramparts.runtime.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void firstCallCreatesAnOwnerOnlyFileWithAStrongPasswordAndLaterCallsReadIt() throws Exception {
        Path file = dir.resolve("secrets/admin-credentials");

        AdminCredentials.Loaded first = AdminCredentials.loadOrCreate(file);
        AdminCredentials.Loaded second = AdminCredentials.loadOrCreate(file);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.credentials()).isEqualTo(first.credentials());
        assertThat(first.credentials().username()).isEqualTo("admin");
        assertThat(first.credentials().password()).matches("[A-Za-z0-9]{24}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void twoPasswordsAreNeverTheSame() {
        String a = AdminCredentials.loadOrCreate(dir.resolve("a")).credentials().password();
        String b = AdminCredentials.loadOrCreate(dir.resolve("b")).credentials().password();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void concurrentFirstStartsAgreeOnOneSetOfCredentials() throws Exception {
        Path file = dir.resolve("raced");
        Callable<AdminCredentials> load = () -> AdminCredentials.loadOrCreate(file).credentials();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<AdminCredentials> all = pool.invokeAll(java.util.Collections.nCopies(16, load)).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    }).toList();
            assertThat(all).allMatch(c -> c.equals(all.getFirst()));
        }
    }

    @Test
    void toStringNeverShowsThePassword() {
        AdminCredentials credentials = new AdminCredentials("admin", "correct-horse-battery");
        assertThat(credentials.toString()).doesNotContain("correct-horse-battery").contains("hidden");
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        Path file = dir.resolve("open");
        Files.writeString(file, "username=admin\npassword=abcdefghijklmnop\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> AdminCredentials.read(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readable by others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void malformedTruncatedOversizedAndHostileFilesAreRefused() throws Exception {
        assertRefused("username=admin\n", "lacks 'username' or 'password'");
        assertRefused("", "lacks 'username' or 'password'");
        assertRefused("username=admin\npassword=short\n", "12-256 characters");
        assertRefused("username=../../etc\npassword=abcdefghijklmnop\n", "user name must be");
        assertRefused("username=admin\npassword=" + "x".repeat(5000) + "\n", "larger than 4096 bytes");
        assertRefused("\u0000\u0001binary\u00ff", "lacks 'username' or 'password'");
    }

    private void assertRefused(String content, String reason) throws Exception {
        Path file = Files.createTempFile(dir, "bad", "");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> AdminCredentials.read(file)).hasMessageContaining(reason);
    }
}
