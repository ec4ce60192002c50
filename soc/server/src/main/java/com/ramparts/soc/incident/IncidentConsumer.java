package com.ramparts.soc.incident;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.lifecycle.LoopThread;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Starts the alert consumer with the application and stops it with it. Off when
 * {@code ramparts.soc.incidents.enabled=false}.
 */
public class IncidentConsumer implements SmartLifecycle {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final SocProperties properties;
    private final Incidents incidents;
    private LoopThread running;

    IncidentConsumer(SocProperties properties, Incidents incidents) {
        this.properties = properties;
        this.incidents = incidents;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = LoopThread.start("ramparts-incidents", new AlertLoop(properties, incidents));
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
        return properties.incidents().enabled();
    }
}
