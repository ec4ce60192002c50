package com.ramparts.soc.lifecycle;

import java.time.Duration;

/** A {@link StoppableLoop} on a platform thread of its own. */
public final class LoopThread {

    private final StoppableLoop loop;
    private final Thread thread;

    private LoopThread(StoppableLoop loop, Thread thread) {
        this.loop = loop;
        this.thread = thread;
    }

    public static LoopThread start(String name, StoppableLoop loop) {
        return new LoopThread(loop, Thread.ofPlatform().name(name).start(loop));
    }

    /**
     * Asks the loop to stop and waits up to {@code grace}; a loop still running then is interrupted
     * and given {@code grace} once more.
     *
     * @return true if the loop ended within the first grace period, without an interrupt
     */
    public boolean stop(Duration grace) {
        loop.stop();
        try {
            thread.join(grace);
            if (!thread.isAlive()) {
                return true;
            }
            thread.interrupt();
            thread.join(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
