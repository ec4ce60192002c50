package com.ramparts.agent.input.file;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.agent.parse.RawRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the tailer poll by poll, so each rotation scenario happens exactly between two polls. */
class FileTailerTest {

    private static final int GRACE_POLLS = 3;

    @TempDir
    Path dir;

    private final List<FileTailer> tailers = new ArrayList<>();

    @AfterEach
    void close() {
        tailers.forEach(FileTailer::close);
    }

    private FileTailer tailer(Path file, TailPosition from) throws IOException {
        return tailer(file, from, 1024, false);
    }

    private FileTailer tailer(Path file, TailPosition from, int maxLine, boolean atEnd) throws IOException {
        FileTailer tailer = new FileTailer(file, maxLine, atEnd, GRACE_POLLS);
        tailer.start(from);
        tailers.add(tailer);
        return tailer;
    }

    private static void append(Path file, String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(file, text, CREATE, APPEND);
    }

    private static String[] lines(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    private static List<String> texts(List<RawRecord> records) {
        return records.stream().map(RawRecord::text).toList();
    }

    /** Polls until a poll returns nothing (and a few more, for rotation grace), collecting the lines. */
    private static List<String> drain(FileTailer tailer) throws IOException {
        List<String> all = new ArrayList<>();
        int empty = 0;
        while (empty <= GRACE_POLLS) {
            List<RawRecord> records = tailer.poll(1000);
            all.addAll(texts(records));
            empty = records.isEmpty() ? empty + 1 : 0;
        }
        return all;
    }

    @Test
    void readsNewLinesAndResumesAfterARestartExactlyWhereItStopped() throws IOException {
        Path log = dir.resolve("eve.json");
        append(log, lines("a", 0, 5));
        FileTailer first = tailer(log, null);
        assertThat(drain(first)).containsExactly(lines("a", 0, 5));
        append(log, lines("a", 5, 3));
        assertThat(texts(first.poll(2))).containsExactly("a5", "a6");
        TailPosition checkpoint = first.position();
        first.close();

        append(log, lines("a", 8, 2));
        FileTailer restarted = tailer(log, TailPosition.decode(checkpoint.encode()));
        assertThat(drain(restarted)).containsExactly("a7", "a8", "a9");
    }

    @Test
    void aPartialLastLineWaitsForItsNewlineAndIsNeverSplit() throws IOException {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "complete\nhalf a li", CREATE);
        FileTailer tailer = tailer(log, null);
        assertThat(drain(tailer)).containsExactly("complete");
        TailPosition beforeTheRest = tailer.position();

        Files.writeString(log, "ne\r\n", APPEND);
        assertThat(drain(tailer)).containsExactly("half a line");

        FileTailer restarted = tailer(log, beforeTheRest); // a restart re-reads the partial line whole
        assertThat(drain(restarted)).containsExactly("half a line");
    }

    @Test
    void renameRotationReadsTheOldFileToItsEndThenFollowsTheNewOne() throws IOException {
        Path log = dir.resolve("eve.json");
        append(log, lines("old", 0, 3));
        FileTailer tailer = tailer(log, null);
        assertThat(texts(tailer.poll(1000))).containsExactly(lines("old", 0, 3));

        append(log, lines("old", 3, 2)); // written before the rotation, not yet read
        Files.move(log, dir.resolve("eve.json.1"));
        append(dir.resolve("eve.json.1"), "old5"); // the writer has not reopened yet: lands in the old file
        append(log, lines("new", 0, 3));

        assertThat(drain(tailer)).containsExactly("old3", "old4", "old5", "new0", "new1", "new2");
    }

    @Test
    void aRotatedFileIsDrainedForSomePollsEvenWhileTheNewFileStaysEmpty() throws IOException {
        Path log = dir.resolve("eve.json");
        append(log, "old0");
        FileTailer tailer = tailer(log, null);
        assertThat(texts(tailer.poll(100))).containsExactly("old0");
        Files.move(log, dir.resolve("eve.json.1"));
        Files.createFile(log);

        assertThat(tailer.poll(100)).isEmpty(); // rotation seen; grace begins
        append(dir.resolve("eve.json.1"), "late"); // a slow writer still flushing into the old file
        assertThat(texts(tailer.poll(100))).containsExactly("late");
        append(log, "new0");
        assertThat(drain(tailer)).containsExactly("new0");
    }

    @Test
    void aRestartAfterRotationFindsTheCheckpointedFileUnderItsNewName() throws IOException {
        Path log = dir.resolve("eve.json");
        append(log, lines("old", 0, 4));
        FileTailer first = tailer(log, null);
        assertThat(texts(first.poll(2))).containsExactly("old0", "old1");
        TailPosition checkpoint = first.position();
        first.close();

        // while the agent is down: rotation by rename, and the new file fills up
        Files.move(log, dir.resolve("eve.json.1"));
        append(log, lines("new", 0, 2));

        FileTailer restarted = tailer(log, checkpoint);
        assertThat(drain(restarted)).containsExactly("old2", "old3", "new0", "new1");
    }

    @Test
    void copytruncateIsDetectedAndTheUnreadRestComesFromTheCopy() throws IOException {
        Path log = dir.resolve("fw.log");
        append(log, lines("line", 0, 3));
        FileTailer tailer = tailer(log, null);
        assertThat(texts(tailer.poll(1000))).containsExactly(lines("line", 0, 3));
        tailer.position(); // a checkpoint: the fingerprint now covers what was read

        append(log, lines("line", 3, 4)); // not read before logrotate copies and truncates
        Files.copy(log, dir.resolve("fw.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(log, lines("line", 7, 2));

        assertThat(drain(tailer)).containsExactly(lines("line", 3, 6));
    }

    @Test
    void copytruncateFollowedByMoreDataThanWasReadIsCaughtByTheFingerprint() throws IOException {
        Path log = dir.resolve("fw.log");
        append(log, lines("first-generation-", 0, 3));
        FileTailer tailer = tailer(log, null);
        assertThat(tailer.poll(1000)).hasSize(3);
        tailer.position();

        Files.copy(log, dir.resolve("fw.log.1"));
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(log, lines("second-generation-", 0, 10)); // longer than what was read: size alone cannot tell

        assertThat(drain(tailer)).containsExactly(lines("second-generation-", 0, 10));
    }

    @Test
    void truncationWithoutACopyStartsOverAtTheBeginning() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, lines("a", 0, 5));
        FileTailer tailer = tailer(log, null);
        assertThat(tailer.poll(1000)).hasSize(5);
        tailer.position();
        Files.writeString(log, "b0\n", StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(drain(tailer)).containsExactly("b0");
    }

    @Test
    void aRestartAfterCopytruncateWhileDownReadsTheRestFromTheCopy() throws IOException {
        Path log = dir.resolve("fw.log");
        append(log, lines("line", 0, 5));
        FileTailer first = tailer(log, null);
        assertThat(first.poll(2)).hasSize(2);
        TailPosition checkpoint = first.position();
        first.close();

        Files.copy(log, dir.resolve("fw.log.1"));
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(log, "after0");

        FileTailer restarted = tailer(log, checkpoint);
        assertThat(drain(restarted)).containsExactly("line2", "line3", "line4", "after0");
    }

    @Test
    void aNewFileReusingTheInodeIsNotMistakenForTheCheckpointedOne() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, lines("original-content-", 0, 20));
        FileTailer first = tailer(log, null);
        assertThat(first.poll(10)).hasSize(10);
        TailPosition checkpoint = first.position();
        first.close();

        // same inode, different content at least as long: only the fingerprint can tell
        Files.writeString(log, String.join("\n", lines("replacement-text-", 0, 30)) + "\n",
                StandardOpenOption.TRUNCATE_EXISTING);

        FileTailer restarted = tailer(log, checkpoint);
        assertThat(drain(restarted)).containsExactly(lines("replacement-text-", 0, 30));
    }

    @Test
    void aTenMegabyteLineIsCutToTheLimitFlaggedAndFollowedByTheNextLine() throws IOException {
        Path log = dir.resolve("eve.json");
        try (OutputStream out = Files.newOutputStream(log)) {
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\nnext\n".getBytes(StandardCharsets.US_ASCII));
        }
        FileTailer tailer = tailer(log, null, 4096, false);
        List<RawRecord> records = new ArrayList<>();
        while (records.size() < 2) {
            records.addAll(tailer.poll(1000));
        }
        assertThat(records.getFirst().text()).hasSize(4096);
        assertThat(records.getFirst().truncated()).isTrue();
        assertThat(records.get(1).text()).isEqualTo("next");
        assertThat(records.get(1).truncated()).isFalse();
    }

    @Test
    void invalidUtf8AndBinaryGarbageAreReplacedNeverFatal() throws IOException {
        Path log = dir.resolve("garbage.log");
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write(new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '\n'});
            out.write(garbage);
            out.write("\nafter\n".getBytes(StandardCharsets.US_ASCII));
        }
        FileTailer tailer = tailer(log, null, 1024, false);
        List<String> lines = drain(tailer);
        assertThat(lines.getFirst()).isEqualTo("ok \uFFFD( \uFFFD");
        assertThat(lines.getLast()).isEqualTo("after");
    }

    @Test
    void startAtEndSkipsWhatTheFileAlreadyHeldOnlyOnTheFirstStart() throws IOException {
        Path log = dir.resolve("big.log");
        append(log, lines("history", 0, 100));
        Files.writeString(log, "partial", APPEND);
        FileTailer tailer = tailer(log, null, 1024, true);
        Files.writeString(log, " line\n", APPEND);
        append(log, "fresh");
        assertThat(drain(tailer)).containsExactly("partial line", "fresh");
    }

    @Test
    void aFileThatDoesNotExistYetIsPickedUpWhenItAppears() throws IOException {
        Path log = dir.resolve("later.log");
        FileTailer tailer = tailer(log, null);
        assertThat(tailer.poll(10)).isEmpty();
        assertThat(tailer.position()).isNull();
        append(log, "hello");
        assertThat(drain(tailer)).containsExactly("hello");
    }
}
