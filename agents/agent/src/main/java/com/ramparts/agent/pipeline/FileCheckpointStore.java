package com.ramparts.agent.pipeline;

import com.ramparts.agent.spool.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One small file per input in {@code DATA_DIR/checkpoints}, replaced atomically:
 *
 * <pre>
 * next_sequence=1042
 * state=dev=2049 ino=393219 offset=81920 fp_len=1024 fp_crc=3735928559
 * </pre>
 */
public final class FileCheckpointStore implements CheckpointStore {

    private final Path dir;

    public FileCheckpointStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    @Override
    public Checkpoint load(String inputId) throws IOException {
        Path file = file(inputId);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Checkpoint.INITIAL;
        }
        long next = -1;
        String state = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("next_sequence=")) {
                next = Long.parseLong(line.substring("next_sequence=".length()));
            } else if (line.startsWith("state=")) {
                state = line.substring("state=".length());
            }
        }
        if (next < 0) {
            // written atomically, so only tampering gets here; guessing a sequence could reuse event ids
            throw new IOException(file + " holds no next_sequence; restore it or remove it to start the input over");
        }
        return new Checkpoint(next, state);
    }

    @Override
    public void save(String inputId, Checkpoint checkpoint) throws IOException {
        String text = "next_sequence=" + checkpoint.nextSequence() + "\n"
                + (checkpoint.state() == null ? "" : "state=" + checkpoint.state() + "\n");
        AtomicFile.write(file(inputId), text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String inputId) {
        return dir.resolve(inputId + ".checkpoint");
    }
}
