package com.ramparts.agent.config;

/**
 * One problem in the configuration file.
 *
 * @param key     the dotted key path, e.g. {@code inputs[1].path}
 * @param line    1-based line of the key (or of its parent, for a missing key); 0 if unknown
 * @param column  1-based column; 0 if unknown
 * @param message what is wrong and what is expected
 */
public record ConfigError(String key, int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + key + ": " + message;
    }
}
