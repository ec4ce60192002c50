package com.ramparts.detection.ioc;

import java.util.List;
import java.util.Map;

/**
 * One list file, read.
 *
 * @param name       the feed name: the file name without {@code .csv}, {@code .json}, {@code .stix.json}, {@code .misp.json}
 * @param file       the file, as given to the loader
 * @param format     how it was read
 * @param indicators what loads
 * @param problems   what was left out, and why (a broken file is one problem and no indicators)
 * @param skipped    entries left out on purpose, by reason ({@code to_ids false}, {@code revoked}, {@code type regkey}...)
 */
public record IndicatorFeed(String name, String file, Format format, List<Indicator> indicators,
        List<IndicatorProblem> problems, Map<String, Integer> skipped) {

    public enum Format { CSV, STIX, MISP, UNKNOWN }

    public IndicatorFeed {
        indicators = List.copyOf(indicators);
        problems = List.copyOf(problems);
        skipped = Map.copyOf(skipped);
    }
}
