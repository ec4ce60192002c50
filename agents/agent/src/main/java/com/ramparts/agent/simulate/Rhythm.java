package com.ramparts.agent.simulate;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A city office's day: quiet at night, busy in office hours (7:30-17:00), a dip at lunch. Factors
 * per hour of the site's local day, averaging 1, so {@code --eps} is the mean rate over a day.
 */
final class Rhythm {

    static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final double[] SHAPE = {
        0.3, 0.25, 0.2, 0.2, 0.25, 0.35, 0.6, 1.2, 1.8, 1.9, 1.9, 1.6, // 0-11
        1.0, 1.6, 1.9, 1.9, 1.7, 1.1, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35}; // 12-23
    private static final double MEAN;

    static {
        double sum = 0;
        for (double f : SHAPE) {
            sum += f;
        }
        MEAN = sum / SHAPE.length;
    }

    /** The factor for a moment: 1 when {@code flat}. */
    static double factor(Instant now, boolean flat) {
        if (flat) {
            return 1.0;
        }
        return SHAPE[now.atZone(CITY).getHour()] / MEAN;
    }

    private Rhythm() {
    }
}
