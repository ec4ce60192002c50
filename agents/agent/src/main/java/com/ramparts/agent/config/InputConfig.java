package com.ramparts.agent.config;

import java.time.Duration;

/**
 * One configured input. Each has an id (the {@code inputId} in its events' ids, so it must stay
 * the same across restarts), the parser format its records go through, and how long it may stay
 * quiet before the heartbeat reports it silent.
 */
public sealed interface InputConfig permits FileInputConfig, SyslogInputConfig, CommandInputConfig {

    String id();

    String format();

    Duration silentAfter();

    /** {@code file}, {@code syslog} or {@code command}, as in the configuration. */
    String type();
}
