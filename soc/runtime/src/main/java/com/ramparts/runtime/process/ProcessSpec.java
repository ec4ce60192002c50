package com.ramparts.runtime.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: the command line, its working directory, extra environment and where its output
 * goes. {@code env} entries are added to (not replacing) the caller's environment.
 */
public record ProcessSpec(String name, List<String> command, Path workingDirectory,
                          Map<String, String> env, Path logFile) {

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command of " + name + " is empty");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        env = Map.copyOf(env);
        Objects.requireNonNull(logFile, "logFile");
    }
}
