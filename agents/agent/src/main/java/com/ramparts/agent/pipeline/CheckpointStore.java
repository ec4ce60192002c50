package com.ramparts.agent.pipeline;

import java.io.IOException;

/** Where input checkpoints are kept. {@link #save} must be atomic and durable when it returns. */
public interface CheckpointStore {

    /** The input's last saved checkpoint, or {@link Checkpoint#INITIAL}. */
    Checkpoint load(String inputId) throws IOException;

    void save(String inputId, Checkpoint checkpoint) throws IOException;
}
