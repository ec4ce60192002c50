package com.ramparts.soc.web.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTest {

    private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant NOW = Instant.parse("2026-03-01T05:00:00Z");

    @Test
    void aPresetEndsNowAndAChoosesABucketWidthOfAtMost120Bars() {
        TimeWindow day = TimeWindow.of(null, null, null, SAIGON, NOW);
        assertThat(day.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(day.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(TimeWindow.of("15m", null, null, SAIGON, NOW).interval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void customTimesAreReadInTheDashboardTimeZone() {
        TimeWindow window = TimeWindow.of("custom", "2026-03-01T08:00", "2026-03-01T12:00:30", SAIGON, NOW);
        assertThat(window.from()).isEqualTo(Instant.parse("2026-03-01T01:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2026-03-01T05:00:30Z"));
    }

    @Test
    void badRangesAreRefused() {
        assertThatThrownBy(() -> TimeWindow.of("1y", null, null, SAIGON, NOW)).hasMessage("search.error.unknownRange");
        assertThatThrownBy(() -> TimeWindow.of("custom", "2026-03-01T08:00", null, SAIGON, NOW)).hasMessage("search.error.customNeedsBoth");
        assertThatThrownBy(() -> TimeWindow.of("custom", "2026-03-01T08:00", "2026-02-01T08:00", SAIGON, NOW)).hasMessage("search.error.rangeOrder");
        assertThatThrownBy(() -> TimeWindow.of("custom", "yesterday", "2026-02-01T08:00", SAIGON, NOW)).hasMessage("search.error.badTime");
        assertThatThrownBy(() -> TimeWindow.of("custom", "2020-01-01T00:00", "2026-02-01T08:00", SAIGON, NOW)).hasMessage("search.error.rangeTooLong");
    }
}
