package com.ramparts.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk spool (see the package documentation). Thread-safe: any number of appending inputs,
 * one reading shipper. Appenders queue on a fair lock, so a flooding input cannot starve the
 * others.
 *
 * <p>The cursor is the position of the first record not yet acknowledged. Acknowledging moves it
 * in memory; {@link #commit()} persists it and deletes the segments wholly behind it. A crash
 * between acknowledgement and commit only makes the shipper send some records again, which the
 * SOC recognises by their event ids.
 */
public final class Spool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    private static final String SEGMENT_SUFFIX = ".seg";
    private static final String CURSOR_FILE = "cursor";

    private final SpoolOptions options;
    private final DropListener dropListener;
    private final int maxBody;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition spaceFreed = lock.newCondition();
    private final Condition appended = lock.newCondition();
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final ByteBuffer recordHeader = ByteBuffer.allocate(SegmentFormat.RECORD_HEADER);
    private Segment active;
    private SpoolPosition cursor;
    private SpoolPosition persistedCursor;
    private long totalBytes;
    private long pendingRecords;
    private long appendedCount;
    private long droppedCount;
    private long corruptCount;
    private long blockedAppends;
    private boolean dirty;
    private long lastForceNanos = System.nanoTime();
    private boolean closed;

    /** Told how many records of each input the drop-oldest policy discarded. */
    @FunctionalInterface
    public interface DropListener {
        DropListener NONE = (inputId, count) -> { };

        void dropped(String inputId, long count);
    }

    private Spool(SpoolOptions options, DropListener dropListener) {
        this.options = options;
        this.dropListener = dropListener;
        this.maxBody = 1 + 255 + options.maxPayloadBytes();
    }

    /** Opens (or creates) the spool in {@code options.dir()}, truncating a torn tail left by a crash. */
    public static Spool open(SpoolOptions options, DropListener dropListener) throws IOException {
        Spool spool = new Spool(Objects.requireNonNull(options, "options"), Objects.requireNonNull(dropListener));
        try {
            spool.recover();
        } catch (IOException | RuntimeException e) {
            spool.closeChannels();
            throw e;
        }
        return spool;
    }

    public static Spool open(SpoolOptions options) throws IOException {
        return open(options, DropListener.NONE);
    }

    public SpoolOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- recovery

    private void recover() throws IOException {
        Files.createDirectories(options.dir());
        List<Long> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(options.dir())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file); // an interrupted AtomicFile write
                } else if (name.endsWith(SEGMENT_SUFFIX)) {
                    try {
                        ids.add(Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length())));
                    } catch (NumberFormatException e) {
                        log.warn("event=spool_foreign_file file={} action=ignored", file);
                    }
                }
            }
        }
        ids.sort(null);
        for (int i = 0; i < ids.size(); i++) {
            boolean last = i == ids.size() - 1;
            Segment segment = openSegment(ids.get(i), last);
            segments.put(segment.id, segment);
            totalBytes += segment.size;
        }
        if (segments.isEmpty()) {
            active = createSegment(1);
        } else {
            active = segments.lastEntry().getValue();
        }
        cursor = normalize(readCursorFile());
        persistedCursor = cursor;
        pendingRecords = countFrom(cursor);
        log.info("event=spool_opened dir={} segments={} bytes={} pending={} cursor={}", options.dir(),
                segments.size(), totalBytes, pendingRecords, cursor);
    }

    private Segment openSegment(long id, boolean last) throws IOException {
        Path path = segmentPath(id);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment segment = new Segment(id, path, channel);
        segment.size = channel.size();
        if (!SegmentFormat.hasValidHeader(channel)) {
            if (last) {
                log.warn("event=spool_torn_header segment={} action=rewritten", path);
                channel.truncate(0);
                writeFully(channel, SegmentFormat.segmentHeader(), 0);
                channel.force(true);
                segment.size = SegmentFormat.SEGMENT_HEADER;
            } else {
                log.error("event=spool_corrupt_segment segment={} reason=bad_header action=skipped", path);
                corruptCount++;
            }
            segment.readableEnd = SegmentFormat.SEGMENT_HEADER;
            return segment;
        }
        if (last) {
            long valid = scanWithCrc(channel, segment.size);
            if (valid < segment.size) {
                log.warn("event=spool_torn_tail segment={} valid_bytes={} torn_bytes={} action=truncated", path, valid,
                        segment.size - valid);
                channel.truncate(valid);
                channel.force(true);
                segment.size = valid;
            }
            segment.readableEnd = segment.size;
        } else {
            segment.readableEnd = walkHeaders(channel, SegmentFormat.SEGMENT_HEADER, segment.size, null);
            if (segment.readableEnd < segment.size) {
                log.error("event=spool_corrupt_segment segment={} readable_bytes={} size={} action=rest_skipped",
                        path, segment.readableEnd, segment.size);
                corruptCount++;
            }
        }
        return segment;
    }

    /** The end of the last record whose CRC holds, scanning from the segment start. */
    private long scanWithCrc(FileChannel channel, long size) throws IOException {
        long offset = SegmentFormat.SEGMENT_HEADER;
        while (offset < size) {
            SegmentFormat.Decoded record = SegmentFormat.read(channel, offset, size, maxBody);
            if (record == null) {
                return offset;
            }
            offset = record.next();
        }
        return offset;
    }

    /** Walks record headers from {@code offset}; counts records into {@code count[0]}; returns where they stop. */
    private long walkHeaders(FileChannel channel, long offset, long end, long[] count) throws IOException {
        long at = offset;
        while (at < end) {
            int length = SegmentFormat.plausibleBodyLength(channel, at, end, maxBody, recordHeader);
            if (length < 0) {
                break;
            }
            at += SegmentFormat.RECORD_HEADER + length;
            if (count != null) {
                count[0]++;
            }
        }
        return at;
    }

    private SpoolPosition readCursorFile() throws IOException {
        Path file = options.dir().resolve(CURSOR_FILE);
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            return new SpoolPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (NoSuchFileException e) {
            return new SpoolPosition(segments.firstKey(), SegmentFormat.SEGMENT_HEADER);
        } catch (RuntimeException e) {
            // AtomicFile makes this impossible short of tampering; re-sending everything is the safe reading
            log.error("event=spool_cursor_unreadable file={} action=resend_from_oldest", file);
            return new SpoolPosition(segments.firstKey(), SegmentFormat.SEGMENT_HEADER);
        }
    }

    /** Moves a position onto an existing segment: segments behind it were acknowledged and deleted. */
    private SpoolPosition normalize(SpoolPosition position) {
        Map.Entry<Long, Segment> at = segments.ceilingEntry(position.segment());
        if (at == null) {
            return new SpoolPosition(active.id, active.size);
        }
        Segment segment = at.getValue();
        if (segment.id != position.segment()) {
            return new SpoolPosition(segment.id, SegmentFormat.SEGMENT_HEADER);
        }
        long offset = Math.max(SegmentFormat.SEGMENT_HEADER, Math.min(position.offset(), segment.readableEnd));
        return new SpoolPosition(segment.id, offset);
    }

    private long countFrom(SpoolPosition from) throws IOException {
        long[] count = {0};
        for (Segment segment : segments.tailMap(from.segment(), true).values()) {
            long start = segment.id == from.segment() ? from.offset() : SegmentFormat.SEGMENT_HEADER;
            walkHeaders(segment.channel, start, segment.readableEnd, count);
        }
        return count[0];
    }

    // ---------------------------------------------------------------- append

    /**
     * Appends records in order. Depending on the full policy this may wait for space (interruptibly)
     * or drop the oldest segment first.
     *
     * @throws IllegalArgumentException if a payload exceeds {@link SpoolOptions#maxPayloadBytes()}
     * @throws IOException              if the disk fails or the spool is closed
     */
    public void append(List<SpoolRecord> records) throws IOException, InterruptedException {
        for (SpoolRecord record : records) {
            if (record.payload().length > options.maxPayloadBytes()) {
                throw new IllegalArgumentException("a payload of " + record.payload().length
                        + " bytes exceeds the spool's limit of " + options.maxPayloadBytes());
            }
        }
        lock.lockInterruptibly();
        try {
            ensureOpen();
            ByteBuffer buffer = null;
            boolean blocked = false;
            for (SpoolRecord record : records) {
                int size = record.encodedSize();
                int buffered = buffer == null ? 0 : buffer.position();
                if (totalBytes + buffered + size > options.maxBytes()) {
                    flush(buffer);
                    blocked |= makeRoom(size, blocked);
                    buffered = 0;
                }
                if (active.size + buffered + size > options.segmentBytes() && active.size + buffered
                        > SegmentFormat.SEGMENT_HEADER) {
                    flush(buffer);
                    roll();
                }
                if (buffer == null || buffer.remaining() < size) {
                    flush(buffer);
                    buffer = ByteBuffer.allocate(Math.max(size, 64 * 1024));
                }
                SegmentFormat.encode(record, buffer);
            }
            flush(buffer);
            if (blocked) {
                blockedAppends++;
            }
            pendingRecords += records.size();
            appendedCount += records.size();
            dirty = true;
            if (options.fsync() == FsyncPolicy.ALWAYS
                    || (options.fsync() == FsyncPolicy.INTERVAL && intervalElapsed())) {
                forceActive();
            }
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void flush(ByteBuffer buffer) throws IOException {
        if (buffer == null || buffer.position() == 0) {
            return;
        }
        buffer.flip();
        int length = buffer.remaining();
        writeFully(active.channel, buffer, active.size);
        active.size += length;
        active.readableEnd = active.size;
        totalBytes += length;
        buffer.clear();
    }

    /** Waits or drops until {@code size} more bytes fit; true if it had to wait. */
    private boolean makeRoom(int size, boolean alreadyLogged) throws IOException, InterruptedException {
        boolean waited = false;
        while (totalBytes + size > options.maxBytes()) {
            ensureOpen();
            if (reclaim(true)) {
                continue;
            }
            if (options.whenFull() == FullPolicy.DROP_OLDEST) {
                dropOldest();
            } else {
                if (!waited && !alreadyLogged) {
                    log.warn("event=spool_full policy=block bytes={} max_bytes={} action=inputs_wait", totalBytes,
                            options.maxBytes());
                }
                waited = true;
                spaceFreed.await(1, TimeUnit.SECONDS);
            }
        }
        return waited;
    }

    private void dropOldest() throws IOException {
        if (segments.size() == 1) {
            roll(); // the active segment alone overflows: seal it so it can go
        }
        Segment oldest = segments.firstEntry().getValue();
        long start = oldest.id == cursor.segment() ? cursor.offset() : SegmentFormat.SEGMENT_HEADER;
        if (oldest.id < cursor.segment()) {
            start = oldest.readableEnd; // acknowledged, only not deleted yet
        }
        Map<String, Long> perInput = new HashMap<>();
        long dropped = 0;
        for (long at = start; at < oldest.readableEnd; ) {
            int length = SegmentFormat.plausibleBodyLength(oldest.channel, at, oldest.readableEnd, maxBody,
                    recordHeader);
            if (length < 0) {
                break;
            }
            perInput.merge(SegmentFormat.inputIdAt(oldest.channel, at), 1L, Long::sum);
            dropped++;
            at += SegmentFormat.RECORD_HEADER + length;
        }
        delete(oldest);
        Segment next = segments.firstEntry().getValue();
        if (cursor.segment() <= oldest.id) {
            cursor = new SpoolPosition(next.id, SegmentFormat.SEGMENT_HEADER);
        }
        pendingRecords -= dropped;
        droppedCount += dropped;
        log.warn("event=spool_full policy=drop_oldest segment={} dropped_records={} dropped_total={}", oldest.id,
                dropped, droppedCount);
        perInput.forEach(dropListener::dropped);
    }

    private void roll() throws IOException {
        if (options.fsync() != FsyncPolicy.NEVER) {
            active.channel.force(false);
        }
        active = createSegment(active.id + 1);
    }

    private Segment createSegment(long id) throws IOException {
        Path path = segmentPath(id);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        writeFully(channel, SegmentFormat.segmentHeader(), 0);
        if (options.fsync() != FsyncPolicy.NEVER) {
            channel.force(true);
            AtomicFile.syncDirectory(options.dir());
        }
        Segment segment = new Segment(id, path, channel);
        segment.size = SegmentFormat.SEGMENT_HEADER;
        segment.readableEnd = segment.size;
        segments.put(id, segment);
        totalBytes += segment.size;
        return segment;
    }

    // ---------------------------------------------------------------- read and acknowledge

    /**
     * Reads up to {@code maxRecords} records (and about {@code maxBytes}) starting at {@code from},
     * or at the cursor if {@code from} is behind it (records dropped meanwhile). Never blocks on
     * appenders for long: it reads only what is already written.
     */
    public SpoolBatch read(SpoolPosition from, int maxRecords, int maxBytes) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            SpoolPosition at = normalize(from.isBefore(cursor) ? cursor : from);
            List<SpoolEntry> entries = new ArrayList<>();
            long bytes = 0;
            while (entries.size() < maxRecords && bytes < maxBytes) {
                Segment segment = segments.get(at.segment());
                if (at.offset() >= segment.readableEnd) {
                    if (segment == active) {
                        break;
                    }
                    at = new SpoolPosition(segments.higherKey(segment.id), SegmentFormat.SEGMENT_HEADER);
                    continue;
                }
                SegmentFormat.Decoded record = SegmentFormat.read(segment.channel, at.offset(), segment.readableEnd,
                        maxBody);
                if (record == null) {
                    corrupted(segment, at.offset());
                    continue;
                }
                SpoolPosition next = new SpoolPosition(segment.id, record.next());
                entries.add(new SpoolEntry(at, next, record.inputId(), record.payload()));
                bytes += record.payload().length;
                at = next;
            }
            return new SpoolBatch(entries, at);
        } finally {
            lock.unlock();
        }
    }

    /** A record that was whole when written no longer reads back: the disk lost it. */
    private void corrupted(Segment segment, long offset) throws IOException {
        corruptCount++;
        log.error("event=spool_corrupt_record segment={} offset={} action=rest_of_segment_skipped", segment.path,
                offset);
        segment.readableEnd = offset;
        if (segment == active) {
            roll(); // never append behind a hole
        }
        pendingRecords = countFrom(cursor);
    }

    /** Waits until a record is readable at or after {@code from}; false on timeout. */
    public boolean awaitData(SpoolPosition from, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!closed && !hasDataAt(from)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = appended.awaitNanos(nanos);
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasDataAt(SpoolPosition from) {
        SpoolPosition at = normalize(from.isBefore(cursor) ? cursor : from);
        return at.isBefore(new SpoolPosition(active.id, active.readableEnd));
    }

    /**
     * Records that everything up to and including these entries (given in spool order) reached
     * its destination. Entries already behind the cursor (dropped meanwhile) are ignored.
     */
    public void acknowledge(List<SpoolEntry> entries) {
        lock.lock();
        try {
            for (SpoolEntry entry : entries) {
                if (!entry.position().isBefore(cursor)) {
                    cursor = entry.next();
                    pendingRecords--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The first record not yet acknowledged. */
    public SpoolPosition cursor() {
        lock.lock();
        try {
            return cursor;
        } finally {
            lock.unlock();
        }
    }

    /** Persists the cursor and deletes the segments it has passed. */
    public void commit() throws IOException {
        lock.lock();
        try {
            ensureOpen();
            persistCursor();
            reclaim(false);
        } finally {
            lock.unlock();
        }
    }

    private void persistCursor() throws IOException {
        if (!cursor.equals(persistedCursor)) {
            AtomicFile.write(options.dir().resolve(CURSOR_FILE),
                    (cursor.segment() + " " + cursor.offset() + "\n").getBytes(StandardCharsets.US_ASCII));
            persistedCursor = cursor;
        }
    }

    /**
     * Deletes every segment wholly behind the cursor; with {@code rollActive}, also seals a fully
     * acknowledged active segment so it can go. True if anything was freed.
     */
    private boolean reclaim(boolean rollActive) throws IOException {
        boolean freed = false;
        if (rollActive && cursor.segment() == active.id && cursor.offset() >= active.readableEnd
                && active.size > SegmentFormat.SEGMENT_HEADER) {
            roll();
        }
        while (true) {
            Segment oldest = segments.firstEntry().getValue();
            boolean behind = oldest.id < cursor.segment()
                    || (oldest != active && oldest.id == cursor.segment() && cursor.offset() >= oldest.readableEnd);
            if (!behind) {
                break;
            }
            delete(oldest);
            if (cursor.segment() == oldest.id) {
                cursor = new SpoolPosition(segments.firstKey(), SegmentFormat.SEGMENT_HEADER);
            }
            freed = true;
        }
        if (freed) {
            spaceFreed.signalAll();
        }
        return freed;
    }

    private void delete(Segment segment) throws IOException {
        segment.channel.close();
        Files.deleteIfExists(segment.path);
        segments.remove(segment.id);
        totalBytes -= segment.size;
    }

    // ---------------------------------------------------------------- durability and lifecycle

    /** Forces appended records to disk if the fsync policy allows forcing at all; see {@link FsyncPolicy}. */
    public void syncIfPolicyAllows() throws IOException {
        if (options.fsync() == FsyncPolicy.NEVER) {
            return;
        }
        lock.lock();
        try {
            if (!closed && dirty) {
                forceActive();
            }
        } finally {
            lock.unlock();
        }
    }

    /** For {@link FsyncPolicy#INTERVAL}: forces the tail once the interval has passed. Called periodically. */
    public void forceIfDue() throws IOException {
        if (options.fsync() != FsyncPolicy.INTERVAL) {
            return;
        }
        lock.lock();
        try {
            if (!closed && dirty && intervalElapsed()) {
                forceActive();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean intervalElapsed() {
        return System.nanoTime() - lastForceNanos >= options.fsyncInterval().toNanos();
    }

    private void forceActive() throws IOException {
        active.channel.force(false);
        dirty = false;
        lastForceNanos = System.nanoTime();
    }

    public SpoolStats stats() {
        lock.lock();
        try {
            return new SpoolStats(pendingRecords, totalBytes, segments.size(), appendedCount, droppedCount,
                    corruptCount, blockedAppends);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the spool in " + options.dir() + " is closed");
        }
    }

    /** Forces the tail, persists the cursor and closes the files. Waiting appenders fail. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            try {
                if (options.fsync() != FsyncPolicy.NEVER || dirty) {
                    forceActive();
                }
                persistCursor();
            } finally {
                closed = true;
                spaceFreed.signalAll();
                appended.signalAll();
                closeChannels();
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeChannels() {
        for (Segment segment : segments.values()) {
            try {
                segment.channel.close();
            } catch (IOException e) {
                log.warn("event=spool_close_failed segment={} error={}", segment.path, e.toString());
            }
        }
    }

    private Path segmentPath(long id) {
        return options.dir().resolve(String.format("%020d%s", id, SEGMENT_SUFFIX));
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static final class Segment {
        final long id;
        final Path path;
        final FileChannel channel;
        long size;
        /** where readable records end: the size, unless corruption was found */
        long readableEnd;

        Segment(long id, Path path, FileChannel channel) {
            this.id = id;
            this.path = path;
            this.channel = channel;
        }
    }
}
