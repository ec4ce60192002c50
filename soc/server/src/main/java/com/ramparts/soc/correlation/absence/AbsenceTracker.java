package com.ramparts.soc.correlation.absence;

import com.ramparts.detection.compile.Match;
import com.ramparts.soc.correlation.SiteDirectory;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.alert.AlertMessages;
import com.ramparts.soc.correlation.alert.AlertMessages.Place;
import com.ramparts.soc.site.Site;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.TelemetryEvent;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates absence rules for the sites of one stream partition, on event time:
 * <ul>
 *   <li>An event of a registered site moves its (rule, source) "last seen" forward to the event's
 *       time, capped at wall-clock now (a site with a fast clock cannot hide a silence). An older
 *       event changes nothing. A newer one re-arms a rule that had alerted.</li>
 *   <li>At each punctuation, with watermark = now - allowed lateness: a (rule, source) whose last
 *       seen + timespan is at or before the watermark raises one alert, then stays quiet until the
 *       source is heard again. A source never heard of starts its clock when the correlator first
 *       watches the site.</li>
 *   <li>An event that arrives after its silence was reported does not withdraw the alert (it
 *       reported what had arrived by then); it only re-arms the rule.</li>
 * </ul>
 * Not thread-safe: one per stream task, over that task's changelogged store.
 */
public final class AbsenceTracker {

    private static final char SEPARATOR = '\u001f';
    private static final String NO_SOURCE = "";

    private final KeyValueStore<String, AbsenceState> store;
    private final SiteDirectory sites;
    private final Predicate<String> ownsSite;
    private final Duration allowedLateness;

    /** @param ownsSite whether a site's events land in this tracker's partition */
    public AbsenceTracker(KeyValueStore<String, AbsenceState> store, SiteDirectory sites, Predicate<String> ownsSite,
            Duration allowedLateness) {
        this.store = store;
        this.sites = sites;
        this.ownsSite = ownsSite;
        this.allowedLateness = allowedLateness;
    }

    public void onEvent(List<AbsenceRule> rules, TelemetryEvent event, List<Match> matches, Instant now) {
        if (rules.isEmpty()) {
            return;
        }
        Site site = sites.find(event.origin().siteId()).orElse(null);
        if (site == null) {
            return;
        }
        long time = Math.min(event.timestamp().toEpochMilli(), now.toEpochMilli());
        for (AbsenceRule rule : rules) {
            switch (rule.expect()) {
                case AbsenceRule.ExpectedSources ignored -> {
                    String dataset = event.field(Ecs.EVENT_DATASET) instanceof FieldValue.StringValue s ? s.value() : null;
                    if (dataset != null && site.expectedSources().contains(dataset)) {
                        heard(key(rule, site.siteId(), dataset), time, event.id().toString());
                    }
                }
                case AbsenceRule.Matches expected -> {
                    if (matches.stream().anyMatch(m -> expected.ruleIds().contains(m.ruleId()))) {
                        heard(key(rule, site.siteId(), NO_SOURCE), time, event.id().toString());
                    }
                }
            }
        }
    }

    private void heard(String key, long time, String eventId) {
        AbsenceState state = store.get(key);
        if (state == null || !state.seen() || time > state.lastSeen()) {
            store.put(key, new AbsenceState(time, eventId, false));
        }
    }

    /** Wall-clock punctuation: the alerts for silences the watermark has now passed. */
    public List<AlertMessage> evaluate(List<AbsenceRule> rules, Instant now) {
        List<AlertMessage> alerts = new ArrayList<>();
        if (rules.isEmpty()) {
            return alerts;
        }
        long watermark = now.minus(allowedLateness).toEpochMilli();
        for (Site site : sites.all()) {
            if (!ownsSite.test(site.siteId())) {
                continue;
            }
            for (AbsenceRule rule : rules) {
                List<String> sources = rule.expect() instanceof AbsenceRule.ExpectedSources
                        ? site.expectedSources() : List.of(NO_SOURCE);
                for (String source : sources) {
                    String key = key(rule, site.siteId(), source);
                    AbsenceState state = store.get(key);
                    if (state == null) {
                        store.put(key, new AbsenceState(now.toEpochMilli(), null, false));
                    } else if (!state.alerted() && state.lastSeen() + rule.timespan().toMillis() <= watermark) {
                        store.put(key, new AbsenceState(state.lastSeen(), state.lastEventId(), true));
                        alerts.add(alert(rule, site, source, state, watermark, now));
                    }
                }
            }
        }
        return alerts;
    }

    private static AlertMessage alert(AbsenceRule rule, Site site, String source, AbsenceState state, long watermark,
            Instant now) {
        Map<String, String> group = new LinkedHashMap<>();
        group.put(Ecs.RAMPARTS_SITE_ID, site.siteId());
        if (!source.isEmpty()) {
            group.put(Ecs.EVENT_DATASET, source);
        }
        Instant lastSeen = Instant.ofEpochMilli(state.lastSeen());
        return AlertMessages.absence(rule.info(), group, lastSeen, state.lastEventId(),
                lastSeen.plus(rule.timespan()), (watermark - state.lastSeen()) / 1000.0,
                new Place(site.siteId(), site.unitId(), null), now);
    }

    private static String key(AbsenceRule rule, String siteId, String source) {
        return rule.info().id() + SEPARATOR + siteId + SEPARATOR + source;
    }
}
