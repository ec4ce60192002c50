package com.ramparts.agent.input;

import com.ramparts.agent.parse.RawRecord;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.Objects;

/** What an input hands to the pipeline. */
public sealed interface InputRecord {

    /** A raw record for the parser, and fields the input knows that the parser cannot (e.g. a syslog header). */
    record Raw(RawRecord raw, Decoration decoration) implements InputRecord {
        public Raw {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(decoration, "decoration");
        }

        public Raw(RawRecord raw) {
            this(raw, Decoration.NONE);
        }
    }

    /**
     * The input could not produce a record (a command failed or timed out): it becomes a
     * {@code pipeline_error} event carrying {@code raw} as the original and {@code reason}.
     */
    record Failed(RawRecord raw, String reason) implements InputRecord {
        public Failed {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A draft the input built itself (the heartbeat), which bypasses the parser. */
    record Ready(TelemetryEvent.Builder draft) implements InputRecord {
        public Ready {
            Objects.requireNonNull(draft, "draft");
        }
    }

    /** Adds fields to each draft a parser made from the record; must not overwrite what the parser set. */
    @FunctionalInterface
    interface Decoration {
        Decoration NONE = draft -> { };

        void apply(TelemetryEvent.Builder draft);
    }
}
