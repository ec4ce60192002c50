package com.ramparts.agent.input.file;

import com.ramparts.agent.parse.RawRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one file, synchronously: each {@link #poll} reads what is new and returns whole lines.
 *
 * <ul>
 *   <li><b>Rename rotation</b>: when the path names another file, the old one (still open) is read
 *       to its end first; the switch happens once the new file has data, or after a few polls at
 *       the old file's end, whichever is first.</li>
 *   <li><b>Copytruncate and truncation</b>: a file shorter than what was read, or whose first bytes
 *       changed, was truncated. The rest of what we had not read is looked for in a sibling that
 *       starts with the same bytes (the copy) and read from there; then the file is read from 0.</li>
 *   <li><b>Restart</b>: {@link #start} finds the checkpointed file by device and inode (at the path
 *       or under a rotated name) and checks its fingerprint before resuming at the offset.</li>
 * </ul>
 *
 * The position handed out by {@link #position()} is always at a line boundary: a partial last
 * line is read again after a restart, never half-delivered.
 */
final class FileTailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileTailer.class);
    private static final int READ_BUFFER = 64 * 1024;

    private final Path path;
    private final String source;
    private final boolean startAtEnd;
    private final int rotationGracePolls;
    private final LineAssembler line;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);

    private Open current;
    /** the position once a rotated file is finished and the new one does not exist yet */
    private TailPosition finished;
    /** current is a rotated file (or a copytruncate copy): switch to the path once it is read */
    private boolean draining;
    /** current is a copytruncate copy, which is complete: switch as soon as it is read */
    private boolean drainingCopy;
    private int eofPollsWhileDraining;
    private String lastProblem;

    /**
     * @param rotationGracePolls polls at a rotated file's end before switching when the new file stays empty
     */
    FileTailer(Path path, int maxLineBytes, boolean startAtEnd, int rotationGracePolls) {
        this.path = path;
        this.source = path.toString();
        this.startAtEnd = startAtEnd;
        this.rotationGracePolls = rotationGracePolls;
        this.line = new LineAssembler(maxLineBytes);
    }

    // ---------------------------------------------------------------- start

    /** Resumes at a position from {@link #position()}, or starts fresh when null. */
    void start(TailPosition position) throws IOException {
        if (position == null) {
            current = open(path);
            if (current != null && startAtEnd) {
                long end = lineStartBefore(current.channel, current.channel.size());
                current.readPos = end;
                current.committed = end;
            }
            return;
        }
        Open atPath = open(path);
        if (atPath != null && atPath.key.equals(position.key()) && holds(atPath, position)) {
            resume(atPath, position, false, false);
            return;
        }
        Open renamed = findSibling(s -> s.key.equals(position.key()) && holds(s, position));
        if (renamed != null) {
            log.info("event=tail_resume_rotated path={} rotated_file={} offset={}", path, renamed.path,
                    position.offset());
            closeQuietly(atPath);
            resume(renamed, position, true, false);
            return;
        }
        if (atPath != null && position.fingerprint().length() > 0 && holds(atPath, position)) {
            log.info("event=tail_resume_moved path={} offset={}", path, position.offset());
            resume(atPath, position, false, false); // same content under a new inode (restored, copied back)
            return;
        }
        Open copy = position.fingerprint().length() > 0 ? findSibling(s -> holds(s, position)) : null;
        if (copy != null) {
            log.info("event=tail_resume_copy path={} copy={} offset={}", path, copy.path, position.offset());
            closeQuietly(atPath);
            resume(copy, position, true, true);
            return;
        }
        log.warn("event=tail_checkpoint_file_gone path={} offset={} action=read_from_start", path, position.offset());
        current = atPath;
    }

    private void resume(Open file, TailPosition position, boolean rotated, boolean copy) {
        file.readPos = position.offset();
        file.committed = position.offset();
        file.fingerprint = position.fingerprint();
        current = file;
        draining = rotated;
        drainingCopy = copy;
        eofPollsWhileDraining = 0;
    }

    /** Whether {@code file} holds the content {@code position} points into. */
    private static boolean holds(Open file, TailPosition position) throws IOException {
        return file.channel.size() >= position.offset() && position.fingerprint().matches(file.channel);
    }

    // ---------------------------------------------------------------- poll

    /** Reads up to {@code maxRecords} new lines. */
    List<RawRecord> poll(int maxRecords) throws IOException {
        List<RawRecord> out = new ArrayList<>();
        if (current == null) {
            current = open(path);
            if (current == null) {
                return out;
            }
            log.info("event=tail_opened path={} inode={}", path, current.key.inode());
        }
        if (replacedInPlace()) {
            return out;
        }
        boolean eof = read(out, maxRecords);
        if (eof) {
            atEnd(out);
        }
        return out;
    }

    /** Reads lines into {@code out}; true if it stopped at the end of the file. */
    private boolean read(List<RawRecord> out, int maxRecords) throws IOException {
        Open file = current;
        while (out.size() < maxRecords) {
            buffer.clear();
            int n = file.channel.read(buffer, file.readPos);
            if (n <= 0) {
                return true;
            }
            byte[] bytes = buffer.array();
            int i = 0;
            while (i < n && out.size() < maxRecords) {
                int newline = indexOf(bytes, i, n);
                if (newline < 0) {
                    line.append(bytes, i, n);
                    i = n;
                } else {
                    line.append(bytes, i, newline);
                    i = newline + 1;
                    emit(out, file.readPos + i);
                }
            }
            file.readPos += i;
        }
        return false;
    }

    private void emit(List<RawRecord> out, long endOffset) {
        if (!line.isEmpty()) {
            String text = line.text();
            if (!text.isEmpty() || line.truncated()) {
                out.add(new RawRecord(text, Instant.now(), source, line.truncated()));
            }
        }
        line.reset();
        current.committed = endOffset;
    }

    private void atEnd(List<RawRecord> out) throws IOException {
        if (!draining) {
            FileKey atPath = keyOrNull(path);
            if (atPath != null && atPath.equals(current.key)) {
                return;
            }
            log.info("event=tail_rotated path={} old_inode={} action=drain_old_file", path, current.key.inode());
            draining = true;
            eofPollsWhileDraining = 0;
        }
        eofPollsWhileDraining++;
        boolean newFileHasData = newFileHasData();
        if (!drainingCopy && !newFileHasData && eofPollsWhileDraining < rotationGracePolls) {
            return;
        }
        if (current.channel.size() > current.readPos) {
            return; // the old file grew after all: keep reading it
        }
        if (!line.isEmpty()) {
            emit(out, current.readPos); // the writer is gone: its unterminated last line is complete
        }
        finished = positionOf(current);
        log.info("event=tail_switched path={} old_inode={} old_offset={}", path, current.key.inode(), current.committed);
        closeQuietly(current);
        current = null;
        draining = false;
        drainingCopy = false;
    }

    private boolean newFileHasData() throws IOException {
        try {
            return !FileKey.of(path).equals(current.key) && Files.size(path) > 0;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Detects truncation (copytruncate, {@code > file}) or a rewrite in place; then continues from
     * the copy if there is one, else from the start. True if reading should wait for the next poll.
     */
    private boolean replacedInPlace() throws IOException {
        long size = current.channel.size();
        boolean truncated = size < current.readPos;
        if (!truncated && (current.fingerprint.length() == 0 || current.fingerprint.matches(current.channel))) {
            return false;
        }
        TailPosition lost = positionOf(current);
        log.warn("event=tail_truncated path={} inode={} offset={} size={}", current.path, current.key.inode(),
                current.committed, size);
        line.reset();
        if (draining) {
            finished = lost; // a rotated file truncated under us: nothing more to get from it
            closeQuietly(current);
            current = null;
            draining = false;
            drainingCopy = false;
            return true;
        }
        Open copy = lost.fingerprint().length() > 0
                ? findSibling(s -> !s.key.equals(lost.key()) && holds(s, lost)) : null;
        if (copy != null) {
            log.info("event=tail_copy_found path={} copy={} offset={} action=read_rest_from_copy", path, copy.path,
                    lost.offset());
            closeQuietly(current);
            resume(copy, lost, true, true);
            return false;
        }
        log.warn("event=tail_restart path={} offset={} note=no_copy_holds_the_unread_rest", path, lost.offset());
        current.readPos = 0;
        current.committed = 0;
        current.fingerprint = Fingerprint.NONE;
        return false;
    }

    // ---------------------------------------------------------------- position

    /** Where reading resumes after the lines returned so far; null before any file was seen. */
    TailPosition position() throws IOException {
        if (current == null) {
            return finished;
        }
        return positionOf(current);
    }

    private TailPosition positionOf(Open file) throws IOException {
        int wanted = (int) Math.min(Fingerprint.MAX_LENGTH, file.committed);
        if (file.fingerprint.length() < wanted) {
            Fingerprint longer = Fingerprint.of(file.channel, wanted);
            if (longer != null) {
                file.fingerprint = longer;
            }
        }
        return new TailPosition(file.key, file.committed, file.fingerprint);
    }

    // ---------------------------------------------------------------- files

    private Open open(Path file) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                FileKey before = FileKey.of(file);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                FileKey after = keyOrNull(file);
                if (before.equals(after)) {
                    lastProblem = null;
                    return new Open(file, channel, before);
                }
                channel.close(); // rotated between stat and open: try again
            } catch (NoSuchFileException e) {
                return null;
            } catch (AccessDeniedException e) {
                if (!"denied".equals(lastProblem)) {
                    log.warn("event=tail_access_denied path={} action=retry_each_poll", file);
                    lastProblem = "denied";
                }
                return null;
            }
        }
        return null;
    }

    private Open findSibling(SiblingTest test) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        String base = path.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(base) && !p.getFileName().toString().equals(base)
                        && Files.isRegularFile(p))) {
            for (Path sibling : siblings) {
                Open candidate;
                try {
                    candidate = open(sibling);
                } catch (IOException e) {
                    continue;
                }
                if (candidate != null) {
                    if (test.test(candidate)) {
                        return candidate;
                    }
                    closeQuietly(candidate);
                }
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface SiblingTest {
        boolean test(Open file) throws IOException;
    }

    private static FileKey keyOrNull(Path file) throws IOException {
        try {
            return FileKey.of(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The start of the line that {@code end} falls in (start-at-end must not deliver half a line). */
    private static long lineStartBefore(FileChannel channel, long end) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(4096);
        long at = end;
        while (at > 0) {
            int chunk = (int) Math.min(one.capacity(), at);
            one.clear().limit(chunk);
            channel.read(one, at - chunk);
            for (int i = one.position() - 1; i >= 0; i--) {
                if (one.get(i) == '\n') {
                    return at - chunk + i + 1;
                }
            }
            at -= chunk;
        }
        return 0;
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(Open file) {
        if (file != null) {
            try {
                file.channel.close();
            } catch (IOException e) {
                log.debug("event=tail_close_failed path={} error={}", file.path, e.toString());
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(current);
        current = null;
    }

    private static final class Open {
        final Path path;
        final FileChannel channel;
        final FileKey key;
        /** bytes handed to the line assembler */
        long readPos;
        /** the end of the last line handed out: the checkpointable position */
        long committed;
        Fingerprint fingerprint = Fingerprint.NONE;

        Open(Path path, FileChannel channel, FileKey key) {
            this.path = path;
            this.channel = channel;
            this.key = key;
        }
    }
}
