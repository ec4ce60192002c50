package com.ramparts.detection.ioc;

import java.util.List;

/**
 * One load of the indicator directory.
 *
 * @param indicators every indicator of every feed, compiled
 * @param feeds      each list file as read, in file-name order
 * @param problems   every problem of every file
 */
public record IndicatorLoad(IndicatorSet indicators, List<IndicatorFeed> feeds, List<IndicatorProblem> problems) {

    public static final IndicatorLoad NONE = new IndicatorLoad(IndicatorSet.EMPTY, List.of(), List.of());

    public IndicatorLoad {
        feeds = List.copyOf(feeds);
        problems = List.copyOf(problems);
    }
}
