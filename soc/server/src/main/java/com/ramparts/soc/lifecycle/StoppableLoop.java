package com.ramparts.soc.lifecycle;

/** A loop that runs until asked to stop; {@link #stop()} may be called from any thread. */
public interface StoppableLoop extends Runnable {

    void stop();
}
