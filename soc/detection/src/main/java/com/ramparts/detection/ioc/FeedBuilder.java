package com.ramparts.detection.ioc;

import com.ramparts.detection.rule.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the readers share: the indicators and problems of one file as they are found. */
final class FeedBuilder {

    private final String feed;
    private final String file;
    private final IndicatorFeed.Format format;
    private final int maxIndicators;
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<IndicatorProblem> problems = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private boolean full;

    FeedBuilder(String feed, String file, IndicatorFeed.Format format, int maxIndicators) {
        this.feed = feed;
        this.file = file;
        this.format = format;
        this.maxIndicators = maxIndicators;
    }

    String feed() {
        return feed;
    }

    void problem(int line, String pointer, String message) {
        if (problems.size() < 1_000) {
            problems.add(new IndicatorProblem(file, line, pointer, message));
        } else if (problems.size() == 1_000) {
            problems.add(new IndicatorProblem(file, line, pointer, "more than 1000 problems; the rest are not listed"));
        }
    }

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    /** Adds one indicator, its value normalised; a bad value or validity becomes a problem instead. */
    void add(int line, String pointer, String id, IndicatorType type, String rawValue, Level level, int confidence, Tlp tlp,
            Instant validFrom, Instant validUntil, String source, String description, String version) {
        if (full) {
            skip("over the limit of " + maxIndicators + " indicators per file");
            return;
        }
        String value;
        try {
            value = IndicatorValues.normalize(type, rawValue);
        } catch (InvalidIndicatorException e) {
            problem(line, pointer, e.getMessage());
            return;
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            problem(line, pointer, "valid_until " + validUntil + " is not after valid_from " + validFrom);
            return;
        }
        if (indicators.size() == maxIndicators) {
            full = true;
            problem(line, pointer, "the file has more than " + maxIndicators + " indicators; the rest are left out");
            skip("over the limit of " + maxIndicators + " indicators per file");
            return;
        }
        String indicatorId = id == null || id.isBlank() ? feed + ":" + type.csvName() + ":" + value : id;
        indicators.add(new Indicator(feed, indicatorId, type, value, level, confidence, tlp, validFrom, validUntil, source,
                description, version));
    }

    IndicatorFeed build() {
        return new IndicatorFeed(feed, file, format, indicators, problems, skipped);
    }
}
