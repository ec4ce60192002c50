package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.lifecycle.LoopThread;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;

/** Starts the posture consumer with the application and stops it with it; off with {@code ramparts.soc.posture.enabled=false}. */
class PostureConsumer implements SmartLifecycle {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final SocProperties properties;
    private final PostureStore store;
    private final Clock clock;
    private final MeterRegistry meters;
    private LoopThread running;

    PostureConsumer(SocProperties properties, PostureStore store, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = LoopThread.start("ramparts-posture", new PostureLoop(properties, store, clock, meters));
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop(STOP_GRACE);
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.posture().enabled();
    }
}
