package com.ramparts.agent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration file has problems; {@link #errors()} names each key and line. */
public final class InvalidConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public InvalidConfigException(Path file, List<ConfigError> errors) {
        super(file + ": " + errors.size() + " problem(s):\n" + errors.stream()
                .map(e -> "  " + file.getFileName() + ":" + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
