package com.ramparts.soc.correlation.indicators;

import com.ramparts.detection.ioc.IndicatorLoad;
import com.ramparts.detection.ioc.IndicatorLoader;
import com.ramparts.detection.ioc.IndicatorSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The indicator directory, loaded. {@link #current()} is an atomic snapshot; {@link
 * #reloadIfChanged()} replaces it when a list file's size or modification time changed, or a file
 * came or went (as the rules are reloaded). Thread-safe.
 */
public final class IndicatorCatalog {

    private static final Logger log = LoggerFactory.getLogger(IndicatorCatalog.class);

    /** One load, with when it happened and its number (1 for the first). */
    public record Loaded(long generation, IndicatorLoad load, Instant loadedAt) {
        static final Loaded NONE = new Loaded(0, IndicatorLoad.NONE, Instant.EPOCH);
    }

    private final Path directory;
    private final IndicatorLoader loader;
    private volatile Loaded current = Loaded.NONE;
    private List<String> fingerprint = List.of();

    public IndicatorCatalog(Path directory, IndicatorLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    public Loaded current() {
        return current;
    }

    /** The compiled indicators of the current load: what the stream processor matches. */
    public IndicatorSet indicators() {
        return current.load().indicators();
    }

    public Path directory() {
        return directory;
    }

    /** Loads the directory when it differs from the last load; @return whether it did. */
    public synchronized boolean reloadIfChanged() {
        if (current != Loaded.NONE && fingerprint().equals(fingerprint)) {
            return false;
        }
        reload();
        return true;
    }

    public synchronized Loaded reload() {
        List<String> seen = fingerprint();
        IndicatorLoad load = loader.load(directory);
        Loaded loaded = new Loaded(current.generation() + 1, load, Instant.now());
        current = loaded;
        fingerprint = seen;
        log.info("Loaded indicators from {}: {} in {} feeds {}; {} problems", directory, load.indicators().size(),
                load.feeds().size(), load.indicators().countByFeed(), load.problems().size());
        load.problems().stream().limit(100).forEach(problem -> log.warn("Indicator left out: {}", problem));
        return loaded;
    }

    /** Path, size and modification time of every list file. */
    private List<String> fingerprint() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(IndicatorLoader::isListFile).sorted().toList()) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    entries.add(file + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
                } catch (IOException e) {
                    entries.add(file + "|unreadable");
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot list the indicator directory {}: {}", directory, e.toString());
        }
        return entries;
    }
}
