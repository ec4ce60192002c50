package com.ramparts.agent.parse;

/** How a file or a command's output divides into the records a format's parser expects. */
public enum Framing {
    /** one record per line (EVE, syslog-style logs, restic's JSON lines) */
    LINES,
    /**
     * one record per top-level JSON value, whether it spans one line or many: {@code borg create --json}
     * prints a pretty document, {@code --log-json} one object per line, a Defender export an array
     */
    JSON_VALUES
}
