package com.ramparts.runtime.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceUserTest {

    @TempDir
    Path dir;

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
            assertThat(p.exitValue()).as("exit code of %s (output %s)", List.of(command), out).isZero();
            return out.strip();
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean userExists(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u", name).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static Path mkdir(Path dir, String perms) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(perms));
        return dir;
    }

    /** The temp dir, opened to others; skips the test if the temp dir lies under a directory closed to others. */
    private Path openTempDir() throws IOException {
        mkdir(dir, "rwxr-xr-x");
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            assumeTrue(Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE),
                    "the temp directory lies under " + p + ", which others cannot search");
        }
        return dir;
    }

    @Test
    void runningAsRootAgreesWithIdU() throws Exception {
        assertThat(ServiceUser.runningAsRoot()).isEqualTo(run("id", "-u").equals("0"));
    }

    @Test
    void othersCanTraverseTheRootDirectoryAndTmp() {
        assertThat(ServiceUser.othersCanTraverse(Path.of("/"))).isTrue();
        assertThat(ServiceUser.othersCanTraverse(Path.of("/tmp"))).isTrue();
    }

    @Test
    void othersCanTraverseNestedDirectoriesThatAreAll0755() throws IOException {
        Path nested = mkdir(mkdir(openTempDir().resolve("a"), "rwxr-xr-x").resolve("b"), "rwxr-xr-x");

        assertThat(ServiceUser.othersCanTraverse(nested)).isTrue();
    }

    @Test
    void othersCannotTraverseBelowAnAncestorThatIs0700() throws IOException {
        Path closed = mkdir(openTempDir().resolve("closed"), "rwx------");
        Path nested = mkdir(closed.resolve("b"), "rwxr-xr-x");

        assertThat(ServiceUser.othersCanTraverse(nested)).isFalse();
        assertThat(ServiceUser.othersCanTraverse(closed)).isFalse();
    }

    @Test
    void aDirectoryReadableButNotSearchableByOthersIsClosed() throws IOException {
        Path noSearch = mkdir(openTempDir().resolve("r-only"), "rwxr-xr--");

        assertThat(ServiceUser.othersCanTraverse(noSearch.resolve("x"))).isFalse();
    }

    @Test
    void aDirectoryNotCreatedYetIsJudgedByItsExistingAncestors() throws IOException {
        Path open = openTempDir();
        Path closed = mkdir(open.resolve("closed"), "rwx------");

        assertThat(ServiceUser.othersCanTraverse(open.resolve("later").resolve("deeper"))).isTrue();
        assertThat(ServiceUser.othersCanTraverse(closed.resolve("later"))).isFalse();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Root", "../x", "", "a b", "-x", "1abc", "x;rm -rf /", "ramparts\n", "abcdefghijklmnopqrstuvwxyz01234567890123"})
    void ensureRejectsAnInvalidNameBeforeRunningAnything(String name) {
        assertThatThrownBy(() -> ServiceUser.ensure(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid service user name");
    }

    @Test
    void ensureRejectsANameOfMoreThan32Characters() {
        assertThatThrownBy(() -> ServiceUser.ensure("a".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ensureFindsAnExistingUsersIds() throws Exception {
        assumeTrue(userExists(ServiceUser.DEFAULT_NAME), "no user " + ServiceUser.DEFAULT_NAME + " on this host");

        ServiceUser user = ServiceUser.ensure(ServiceUser.DEFAULT_NAME);

        assertThat(user.name()).isEqualTo(ServiceUser.DEFAULT_NAME);
        assertThat(user.uid()).isEqualTo(Integer.parseInt(run("id", "-u", ServiceUser.DEFAULT_NAME)));
        assertThat(user.gid()).isEqualTo(Integer.parseInt(run("id", "-g", ServiceUser.DEFAULT_NAME)));
    }

    @Test
    void commandPrefixDropsToTheUsersUidAndGidWithSetpriv() {
        assertThat(new ServiceUser("svc", 1234, 5678).commandPrefix())
                .containsExactly("setpriv", "--reuid=1234", "--regid=5678", "--clear-groups", "--");
    }

    @Test
    void aCommandRunWithThePrefixRunsAsTheUser() throws Exception {
        assumeTrue(ServiceUser.runningAsRoot(), "only root can change its uid");
        assumeTrue(userExists(ServiceUser.DEFAULT_NAME), "no user " + ServiceUser.DEFAULT_NAME + " on this host");
        ServiceUser user = ServiceUser.ensure(ServiceUser.DEFAULT_NAME);

        List<String> command = new ArrayList<>(user.commandPrefix());
        command.addAll(List.of("sh", "-c", "id -u; id -g; id -G"));
        String[] ids = run(command.toArray(String[]::new)).split("\\s+");

        assertThat(ids).containsExactly(String.valueOf(user.uid()), String.valueOf(user.gid()), String.valueOf(user.gid()));
    }

    @Test
    void ownGivesEveryFileBelowTheDirectoryToTheUserButNotSymlinkTargets() throws Exception {
        assumeTrue(ServiceUser.runningAsRoot(), "only root can give files away");
        assumeTrue(userExists(ServiceUser.DEFAULT_NAME), "no user " + ServiceUser.DEFAULT_NAME + " on this host");
        ServiceUser user = ServiceUser.ensure(ServiceUser.DEFAULT_NAME);
        Path outside = Files.writeString(dir.resolve("outside.txt"), "root's");
        Path given = Files.createDirectories(dir.resolve("given").resolve("sub"));
        Path file = Files.writeString(given.resolve("file.txt"), "x");
        Path link = Files.createSymbolicLink(given.resolve("link"), outside);

        user.own(dir.resolve("given"));

        for (Path p : List.of(dir.resolve("given"), given, file)) {
            assertThat(Files.getAttribute(p, "unix:uid")).as("owner of %s", p).isEqualTo(user.uid());
            assertThat(Files.getAttribute(p, "unix:gid")).as("group of %s", p).isEqualTo(user.gid());
        }
        assertThat(Files.getAttribute(link, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS)).isEqualTo(user.uid());
        assertThat(Files.getAttribute(outside, "unix:uid")).as("owner of the link's target").isEqualTo(0);
    }
}
