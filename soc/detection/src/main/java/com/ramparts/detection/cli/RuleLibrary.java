package com.ramparts.detection.cli;

import com.ramparts.detection.load.LoadReport;
import com.ramparts.detection.load.RuleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The rule files under some paths, and the loader configured as the appliance runs it. */
public final class RuleLibrary {

    /** Suffix of the test file beside each rule file: {@code X.yml} is tested by {@code X.tests.yml}. */
    public static final String TESTS_SUFFIX = RuleLoader.TESTS_SUFFIX;

    /** Sites are in Vietnam: time modifiers ({@code |hour}, {@code |day}) read local time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private RuleLibrary() {
    }

    public static RuleLoader loader() {
        return RuleLoader.builder().timeZone(ZONE).build();
    }

    /** Rule files under the paths (files or directories), sorted; test files left out. */
    public static List<Path> ruleFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(RuleLibrary::isRuleFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (isRuleFile(path)) {
                files.add(path);
            }
        }
        return List.copyOf(files);
    }

    static boolean isRuleFile(Path path) {
        return RuleLoader.isRuleFile(path);
    }

    public static Path testFile(Path ruleFile) {
        String name = ruleFile.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        return ruleFile.resolveSibling(stem + TESTS_SUFFIX);
    }

    /** Loads all the files together, so that correlations may refer to rules in other files. */
    public static LoadReport loadAll(List<Path> files) {
        return loader().load(files);
    }

    public static LoadReport loadOne(Path file) {
        return loader().load(List.of(file));
    }
}
