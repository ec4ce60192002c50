package com.ramparts.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killStartedProcesses() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(String name, String... command) {
        return start(name, Map.of(), command);
    }

    private Process start(String name, Map<String, String> env, String... command) {
        Process p = Processes.startDetached(new ProcessSpec(name, List.of(command), dir, env, log()));
        started.add(p);
        return p;
    }

    private Path log() {
        return dir.resolve("logs").resolve("server.log");
    }

    private static void awaitExit(Process p) throws InterruptedException {
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("process %d exited", p.pid()).isTrue();
    }

    /** Polls {@code condition} until it holds; fails after {@code timeout}. */
    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** The command name of a running process, from /proc, or "" once it is gone. */
    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Field 6 of /proc/PID/stat: the session id. The fields after the ')' of the command name start at 3. */
    private static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] afterComm = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterComm[3]);
    }

    @Nested
    class StartDetached {

        @Test
        void outputAndErrorsAreAppendedToTheLogFileAcrossStarts() throws Exception {
            awaitExit(start("first", "sh", "-c", "echo first; echo oops >&2"));
            awaitExit(start("second", "sh", "-c", "echo second"));

            assertThat(Files.readString(log())).isEqualTo("first\noops\nsecond\n");
        }

        @Test
        void theLogFilesDirectoryIsCreated() throws Exception {
            assertThat(log().getParent()).doesNotExist();

            awaitExit(start("echo", "sh", "-c", "echo hello"));

            assertThat(log()).hasContent("hello");
        }

        @Test
        void theChildRunsInItsOwnSessionAndItsPidIsTheServersOwn() throws Exception {
            assumeTrue(Files.isExecutable(SETSID), "no " + SETSID + " on this host");
            Process p = start("sleeper", "sleep", "30");

            // setsid execs in place: the pid we got becomes `sleep` itself
            await("pid " + p.pid() + " runs sleep", Duration.ofSeconds(10), () -> comm(p.pid()).equals("sleep"));

            assertThat(session(p.pid())).as("session of the child").isEqualTo(p.pid());
            assertThat(session(ProcessHandle.current().pid())).as("our own session").isNotEqualTo(p.pid());
        }

        @Test
        void envEntriesAreAddedToTheCallersEnvironment() throws Exception {
            awaitExit(start("env", Map.of("RAMPARTS_TEST_EXTRA", "hello world"),
                    "sh", "-c", "echo \"extra=$RAMPARTS_TEST_EXTRA\"; echo \"path=$PATH\""));

            assertThat(Files.readAllLines(log()))
                    .containsExactly("extra=hello world", "path=" + System.getenv("PATH"));
        }

        @Test
        void theChildRunsInTheSpecsWorkingDirectory() throws Exception {
            Path work = Files.createDirectory(dir.resolve("work"));
            Process p = Processes.startDetached(new ProcessSpec("pwd", List.of("pwd"), work, Map.of(), log()));
            started.add(p);
            awaitExit(p);

            assertThat(Files.readString(log()).strip()).isEqualTo(work.toRealPath().toString());
        }

        @Test
        void stdinIsClosedSoAReaderDoesNotBlock() throws Exception {
            Process p = start("reader", "sh", "-c", "cat; echo after-stdin");
            awaitExit(p);

            assertThat(Files.readString(log())).isEqualTo("after-stdin\n");
        }

        @Test
        void aMissingWorkingDirectoryGivesAnExceptionNamingTheCommand() {
            ProcessSpec spec = new ProcessSpec("ghost", List.of("sleep", "30"), dir.resolve("no-such-dir"), Map.of(), log());

            assertThatThrownBy(() -> started.add(Processes.startDetached(spec)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("ghost")
                    .hasMessageContaining("sleep 30");
        }

        @Test
        void anUnknownExecutableGivesAnExceptionNamingTheCommand() {
            ProcessSpec spec = new ProcessSpec("ghost", List.of("/nonexistent/ramparts-no-such-server", "--flag"), dir,
                    Map.of(), log());

            assertThatThrownBy(() -> started.add(Processes.startDetached(spec)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("ghost")
                    .hasMessageContaining("/nonexistent/ramparts-no-such-server --flag");
        }
    }

    @Nested
    class StopTree {

        @Test
        void aProcessThatExitsOnSigtermIsStoppedCleanly() throws Exception {
            Process p = start("sleeper", "sleep", "300");

            assertThat(Processes.stopTree(p.toHandle(), Duration.ofSeconds(10))).isTrue();

            assertThat(p.isAlive()).isFalse();
            assertThat(p.exitValue()).as("killed by SIGTERM").isEqualTo(128 + 15);
        }

        @Test
        void aProcessAndAllItsDescendantsAreStopped() throws Exception {
            // The shell reaps its children when told to stop, like a server that shuts down its workers.
            // (A shell that just dies would orphan them, and where the init process does not reap
            // orphans, e.g. in some containers, they stay zombies that ProcessHandle reports alive.)
            Process p = start("tree", "sh", "-c", "trap 'wait; exit 0' TERM; sleep 300 & sleep 301 & wait");
            await("two children run", Duration.ofSeconds(10), () -> p.descendants().count() == 2);
            List<ProcessHandle> children = p.descendants().toList();

            assertThat(Processes.stopTree(p.toHandle(), Duration.ofSeconds(10))).isTrue();

            assertThat(p.isAlive()).isFalse();
            assertThat(children).hasSize(2).noneMatch(ProcessHandle::isAlive);
        }

        @Test
        void aProcessThatIgnoresSigtermIsKilledAfterTheGraceButReportedNotClean() throws Exception {
            // exec: the one process that ignores TERM is our child, so nothing is orphaned
            Process p = start("stubborn", "sh", "-c", "trap '' TERM; exec sleep 300");
            await("the shell has set its trap and exec'd sleep", Duration.ofSeconds(10),
                    () -> comm(p.pid()).equals("sleep"));

            long before = System.nanoTime();
            boolean clean = Processes.stopTree(p.toHandle(), Duration.ofSeconds(1));
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            assertThat(clean).isFalse();
            awaitExit(p);
            assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
        }

        @Test
        void aProcessThatHasAlreadyExitedCountsAsStopped() throws Exception {
            Process p = start("done", "true");
            awaitExit(p);

            assertThat(Processes.stopTree(p.toHandle(), Duration.ofSeconds(1))).isTrue();
        }
    }

    @Nested
    class Tail {

        private Path file() {
            return dir.resolve("tail.log");
        }

        private static String lines(String... lines) {
            return String.join(System.lineSeparator(), lines);
        }

        @Test
        void returnsTheLastLines() throws IOException {
            Files.writeString(file(), "one\ntwo\nthree\nfour\nfive\n");

            assertThat(Processes.tail(file(), 3)).isEqualTo(lines("three", "four", "five"));
        }

        @Test
        void returnsEveryLineOfAShortFile() throws IOException {
            Files.writeString(file(), "one\ntwo");

            assertThat(Processes.tail(file(), 30)).isEqualTo(lines("one", "two"));
        }

        @Test
        void understandsWindowsLineEndings() throws IOException {
            Files.writeString(file(), "one\r\ntwo\r\nthree\r\n");

            assertThat(Processes.tail(file(), 2)).isEqualTo(lines("two", "three"));
        }

        @Test
        void aMissingFileGivesAnEmptyTail() {
            assertThat(Processes.tail(dir.resolve("no-such.log"), 30)).isEmpty();
        }

        @Test
        void anEmptyFileGivesAnEmptyTail() throws IOException {
            Files.createFile(file());

            assertThat(Processes.tail(file(), 30)).isEmpty();
        }

        @Test
        void aFileLargerThan64KibIsReadOnlyAtItsEnd() throws IOException {
            StringBuilder content = new StringBuilder("FIRST-LINE\n");
            for (int i = 0; i < 20_000; i++) {
                content.append("line-%05d\n".formatted(i));
            }
            content.append("LAST-LINE\n");
            Files.writeString(file(), content);
            assertThat(Files.size(file())).isGreaterThan(3 * 64 * 1024);

            String everythingItRead = Processes.tail(file(), Integer.MAX_VALUE);

            assertThat(everythingItRead).doesNotContain("FIRST-LINE").endsWith("LAST-LINE");
            assertThat(everythingItRead.length()).isLessThanOrEqualTo(64 * 1024);
            assertThat(Processes.tail(file(), 2)).isEqualTo(lines("line-19999", "LAST-LINE"));
        }

        @Test
        void invalidUtf8IsDecodedLenientlyWithoutThrowing() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("before\n".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\n', 0, (byte) 0x80});
            bytes.writeBytes("\nafter\n".getBytes(StandardCharsets.UTF_8));
            Files.write(file(), bytes.toByteArray());

            assertThatCode(() -> Processes.tail(file(), 10)).doesNotThrowAnyException();
            String tail = Processes.tail(file(), 10);
            assertThat(tail).startsWith("before").endsWith("after").contains("\uFFFD");
        }

        @Test
        void aMultiByteCharacterCutAtTheWindowsStartDoesNotThrow() throws IOException {
            // 'é' is two bytes: 80,007 bytes in all put the 64 KiB window's start inside one
            Files.writeString(file(), "é".repeat(40_000) + "xy\nend\n", StandardCharsets.UTF_8);
            assertThat((Files.size(file()) - 64 * 1024) % 2).isOne();

            assertThat(Processes.tail(file(), 1)).isEqualTo("end");
            assertThat(Processes.tail(file(), 2)).startsWith("\uFFFD").endsWith("éxy" + System.lineSeparator() + "end");
        }
    }
}
