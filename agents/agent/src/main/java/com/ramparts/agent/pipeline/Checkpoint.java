package com.ramparts.agent.pipeline;

/**
 * What an input resumes from after a restart.
 *
 * @param nextSequence the first sequence number the restarted input uses
 * @param state        the input's position ({@link com.ramparts.agent.input.Input#state()}); null if none
 */
public record Checkpoint(long nextSequence, String state) {

    public static final Checkpoint INITIAL = new Checkpoint(0, null);

    public Checkpoint {
        if (nextSequence < 0) {
            throw new IllegalArgumentException("nextSequence must be >= 0, was " + nextSequence);
        }
        if (state != null && (state.indexOf('\n') >= 0 || state.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("an input state must be one line");
        }
    }
}
