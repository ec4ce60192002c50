package com.ramparts.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PidFileTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killStartedProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process sleeper() throws IOException {
        Process p = new ProcessBuilder("sleep", "30").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    private PidFile pidFile() {
        return new PidFile(dir.resolve("server.pid"));
    }

    private PidFile pidFileContaining(String content) throws IOException {
        PidFile file = pidFile();
        Files.writeString(file.path(), content, StandardCharsets.UTF_8);
        return file;
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().orElseThrow().toEpochMilli();
    }

    @Test
    void aWrittenPidFileFindsTheCurrentJvm() {
        PidFile file = pidFile();
        file.write(ProcessHandle.current());

        assertThat(file.liveProcess()).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
    }

    @Test
    void aWrittenPidFileFindsAStartedChild() throws IOException {
        Process child = sleeper();
        PidFile file = pidFile();
        file.write(child.toHandle());

        assertThat(file.liveProcess()).map(ProcessHandle::pid).contains(child.pid());
    }

    @Test
    void thePidFileRecordsPidAndStartTime() throws IOException {
        PidFile file = pidFile();
        file.write(ProcessHandle.current());

        assertThat(Files.readString(file.path()))
                .isEqualTo(ProcessHandle.current().pid() + " " + startMillis(ProcessHandle.current()) + "\n");
    }

    @Test
    void aProcessThatHasExitedIsNotLive() throws Exception {
        Process child = sleeper();
        PidFile file = pidFile();
        file.write(child.toHandle());

        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(file.liveProcess()).isEmpty();
    }

    @Test
    void aMissingPidFileNamesNoProcess() {
        assertThat(new PidFile(dir.resolve("never-written.pid")).liveProcess()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " \n", "garbage", "12abc", "abc 123", "-1", "0", "-42 -42", "-1 123",
            "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1 99999999999999999999",
            "1.5 2", "0x10 1"})
    void aDamagedPidFileNamesNoProcessAndDoesNotThrow(String content) throws IOException {
        PidFile file = pidFileContaining(content);

        assertThatCode(file::liveProcess).doesNotThrowAnyException();
        assertThat(file.liveProcess()).isEmpty();
    }

    @Test
    void aPidFileWithBinaryGarbageNamesNoProcessAndDoesNotThrow() throws IOException {
        PidFile file = pidFile();
        Files.write(file.path(), new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x80, '1', '2', '\n'});

        assertThatCode(file::liveProcess).doesNotThrowAnyException();
        assertThat(file.liveProcess()).isEmpty();
    }

    @Test
    void aPidBeyondTheKernelsRangeNamesNoProcess() throws IOException {
        // 2^32 + n is the same pid_t as n: without a range check a damaged file names a real, unrelated process
        ProcessHandle self = ProcessHandle.current();
        assertThat(pidFileContaining("4294967297\n").liveProcess()).isEmpty();
        assertThat(pidFileContaining((4_294_967_296L + self.pid()) + " " + startMillis(self) + "\n").liveProcess())
                .isEmpty();
    }

    @Test
    void aNegativeStartTimeIsDamageNotAMissingStartTime() throws IOException {
        assertThat(pidFileContaining(ProcessHandle.current().pid() + " -5\n").liveProcess()).isEmpty();
    }

    @Test
    void aPidFileWithoutStartTimeTrustsThePid() throws IOException {
        assertThat(pidFileContaining(ProcessHandle.current().pid() + "\n").liveProcess())
                .map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
    }

    @Test
    void aReusedPidWithADifferentStartTimeIsNotOurs() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long started = startMillis(self);

        assertThat(pidFileContaining(self.pid() + " " + (started - 60_000) + "\n").liveProcess()).isEmpty();
        assertThat(pidFileContaining(self.pid() + " " + (started + 5_000) + "\n").liveProcess()).isEmpty();
        assertThat(pidFileContaining(self.pid() + " 0\n").liveProcess()).isEmpty();
    }

    @Test
    void aStartTimeOffOnlyByClockTickRoundingIsStillOurs() throws IOException {
        ProcessHandle self = ProcessHandle.current();

        assertThat(pidFileContaining(self.pid() + " " + (startMillis(self) + 10) + "\n").liveProcess())
                .map(ProcessHandle::pid).contains(self.pid());
    }

    @Test
    void writeLeavesNoTemporaryFileBehind() throws IOException {
        PidFile file = pidFile();
        file.write(ProcessHandle.current());
        file.write(ProcessHandle.current());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("server.pid");
        }
    }

    @Test
    void writeReplacesAnOlderPidFile() throws IOException {
        Process child = sleeper();
        PidFile file = pidFileContaining("garbage from before\n");

        file.write(child.toHandle());

        assertThat(Files.readString(file.path())).startsWith(child.pid() + " ");
        assertThat(file.liveProcess()).map(ProcessHandle::pid).contains(child.pid());
    }

    @Test
    void writeCreatesMissingParentDirectories() {
        PidFile file = new PidFile(dir.resolve("run").resolve("nested").resolve("server.pid"));
        file.write(ProcessHandle.current());

        assertThat(file.path()).isRegularFile();
    }

    @Test
    void deleteRemovesTheFileAndIsIdempotent() {
        PidFile file = pidFile();
        file.write(ProcessHandle.current());

        file.delete();
        assertThat(file.path()).doesNotExist();
        assertThatCode(file::delete).doesNotThrowAnyException();
        assertThat(file.liveProcess()).isEmpty();
    }
}
