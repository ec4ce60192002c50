package com.ramparts.agent.input.file;

import com.ramparts.agent.config.FileInputConfig;
import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.parse.RawRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code file} input: a {@link FileTailer} polled at the configured interval. Replayable. */
public final class FileTailInput implements Input {

    /** At least this long at a rotated file's end before giving up on late writes to it. */
    private static final Duration ROTATION_GRACE = Duration.ofSeconds(5);

    private final FileInputConfig config;
    private final FileTailer tailer;

    public FileTailInput(FileInputConfig config) {
        this.config = config;
        int gracePolls = (int) Math.max(2, ROTATION_GRACE.toMillis() / Math.max(1, config.pollInterval().toMillis()));
        this.tailer = new FileTailer(config.path(), config.maxLineBytes(), config.startAtEnd(), gracePolls);
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public boolean replayable() {
        return true;
    }

    @Override
    public void start(String state) throws IOException {
        tailer.start(state == null ? null : TailPosition.decode(state));
    }

    @Override
    public List<InputRecord> poll(int maxRecords, Duration maxWait) throws IOException, InterruptedException {
        List<RawRecord> lines = tailer.poll(maxRecords);
        if (lines.isEmpty()) {
            Thread.sleep(Math.min(config.pollInterval().toMillis(), maxWait.toMillis()));
            return List.of();
        }
        List<InputRecord> records = new ArrayList<>(lines.size());
        for (RawRecord line : lines) {
            records.add(new InputRecord.Raw(line));
        }
        return records;
    }

    @Override
    public String state() throws IOException {
        TailPosition position = tailer.position();
        return position == null ? null : position.encode();
    }

    @Override
    public void close() {
        tailer.close();
    }
}
