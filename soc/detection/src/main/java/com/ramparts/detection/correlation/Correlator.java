package com.ramparts.detection.correlation;

import com.ramparts.detection.compile.Match;
import com.ramparts.detection.correlation.GroupState.Entry;
import com.ramparts.detection.rule.CorrelationType;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates correlation rules over the detection matches of a stream of events, on event time.
 * Single-threaded (one instance per stream partition); deterministic for a given input order.
 *
 * <p>Semantics:
 * <ul>
 *   <li>Events are grouped by the correlation's {@code group-by} fields (through {@code aliases}
 *       per referenced rule). An event lacking a group-by field (or the condition's value field)
 *       is not counted for that correlation.</li>
 *   <li><b>Checked on arrival</b> (conditions with only {@code gt}/{@code gte}, for event_count,
 *       value_count, value_sum, temporal and temporal_ordered): the group keeps the matching events
 *       of the last {@code timespan} before its newest event (a sliding window). After each event
 *       the condition is evaluated over that window; when it holds, one alert is emitted and the
 *       group starts afresh, so a burst yields one alert per threshold crossing, not one per event.
 *       An event older than the group's newest event minus the timespan can no longer share a
 *       window with it: it is late, dropped and counted.</li>
 *   <li><b>Checked at window end</b> (any upper bound, {@code eq}, {@code neq}; value_avg,
 *       value_percentile and value_median): a group's window opens at its first event and closes
 *       {@code timespan} later, when the watermark (the newest event time seen minus the allowed
 *       lateness, or a later time given to {@link #advanceTo}) passes its end, or when a later
 *       event of the same group arrives. Events older than the watermark are late, dropped and
 *       counted. Only groups that saw at least one event are evaluated ("fewer than 3" means
 *       "1 or 2"; silence is the job of absence rules).</li>
 *   <li>temporal counts the distinct referenced rules seen in the window; temporal_ordered counts
 *       how many of the rules, in the order written, occur in that order in event time.</li>
 *   <li>A correlation that fires feeds correlations that refer to it (chaining), with the event
 *       that made it fire; rules referred to with {@code generate: false} raise no alert of their own.</li>
 * </ul>
 */
public final class Correlator {

    private record Reference(CorrelationRule rule, int index) {
    }

    private final Map<String, List<Reference>> byReferencedRule = new HashMap<>();
    private final Map<String, CorrelationRule> byId = new HashMap<>();
    private final StateStore store;
    private final CorrelatorOptions options;
    /** window end (epoch ms) -> groups whose window closes then; rebuilt from the store on start. */
    private final TreeMap<Long, Set<GroupKey>> closing = new TreeMap<>();
    private long newestEventTime = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long lateEvents;
    private long droppedEntries;
    private long ungroupedEvents;

    public Correlator(List<CorrelationRule> rules, StateStore store, CorrelatorOptions options) {
        this.store = store;
        this.options = options;
        for (CorrelationRule rule : rules) {
            byId.put(rule.info().id(), rule);
            for (int i = 0; i < rule.rules().size(); i++) {
                byReferencedRule.computeIfAbsent(rule.rules().get(i), k -> new ArrayList<>()).add(new Reference(rule, i));
            }
        }
        store.forEach((key, state) -> {
            CorrelationRule rule = byId.get(key.correlationId());
            if (rule == null) {
                store.remove(key);
            } else if (!rule.evaluatedOnArrival()) {
                schedule(key, state.windowStart() + rule.timespan().toMillis());
            }
        });
    }

    public Correlator(List<CorrelationRule> rules) {
        this(rules, StateStore.inMemory(), CorrelatorOptions.DEFAULT);
    }

    /** Feeds one event and the detection rules it matched; returns the correlation alerts this causes. */
    public List<Alert> onEvent(TelemetryEvent event, List<Match> matches) {
        List<Alert> alerts = new ArrayList<>();
        long time = event.timestamp().toEpochMilli();
        if (time > newestEventTime) {
            newestEventTime = time;
            watermark = Math.max(watermark, time - options.allowedLateness().toMillis());
            closeUpTo(watermark, alerts);
        }
        for (Match match : matches) {
            feed(match.ruleId(), event, alerts, 0);
        }
        return alerts;
    }

    /** Moves the watermark forward (wall-clock punctuation) and closes the windows that end before it. */
    public List<Alert> advanceTo(Instant time) {
        List<Alert> alerts = new ArrayList<>();
        watermark = Math.max(watermark, time.toEpochMilli());
        closeUpTo(watermark, alerts);
        return alerts;
    }

    /** Events dropped because they arrived after their window. */
    public long lateEvents() {
        return lateEvents;
    }

    /** Events dropped because a group held {@link CorrelatorOptions#maxEntriesPerGroup()} already. */
    public long droppedEntries() {
        return droppedEntries;
    }

    /** Matches not counted because the event lacked a group-by or value field. */
    public long ungroupedEvents() {
        return ungroupedEvents;
    }

    public Instant watermark() {
        return watermark == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(watermark);
    }

    private void feed(String ruleId, TelemetryEvent event, List<Alert> alerts, int depth) {
        List<Reference> references = byReferencedRule.get(ruleId);
        if (references == null || depth > byId.size()) {
            return;
        }
        for (Reference reference : references) {
            CorrelationRule rule = reference.rule();
            List<String> values = new ArrayList<>();
            for (String field : rule.groupFields().getOrDefault(ruleId, List.of())) {
                String text = text(event.field(field));
                if (text == null) {
                    values = null;
                    break;
                }
                values.add(text);
            }
            if (values == null) {
                ungroupedEvents++;
                continue;
            }
            String value = null;
            double number = Double.NaN;
            if (rule.type().needsField()) {
                for (String field : rule.valueFields().getOrDefault(ruleId, List.of())) {
                    FieldValue fieldValue = event.field(field);
                    if (fieldValue != null) {
                        value = text(fieldValue);
                        number = number(fieldValue);
                        break;
                    }
                }
                if (value == null || (rule.type() != CorrelationType.VALUE_COUNT && Double.isNaN(number))) {
                    ungroupedEvents++;
                    continue;
                }
            }
            Entry entry = new Entry(event.timestamp().toEpochMilli(), event.id().toString(), reference.index(), value,
                    number);
            GroupKey key = new GroupKey(rule.info().id(), values);
            Alert alert = rule.evaluatedOnArrival() ? onArrival(rule, key, entry) : atWindowEnd(rule, key, entry, alerts);
            if (alert != null) {
                if (rule.alerting()) {
                    alerts.add(alert);
                }
                feed(rule.info().id(), event, alerts, depth + 1);
            }
        }
    }

    private Alert onArrival(CorrelationRule rule, GroupKey key, Entry entry) {
        long span = rule.timespan().toMillis();
        GroupState state = store.get(key);
        if (state != null && entry.time() < state.clock() - span) {
            lateEvents++;
            return null;
        }
        List<Entry> entries = new ArrayList<>(state == null ? List.of() : state.entries());
        insert(entries, entry);
        long clock = state == null ? entry.time() : Math.max(state.clock(), entry.time());
        while (entries.getFirst().time() < clock - span) {
            entries.removeFirst();
        }
        trim(entries);
        double measured = measure(rule, entries);
        if (rule.condition().test(measured)) {
            store.remove(key);
            return alert(rule, key, entries, measured);
        }
        store.put(key, new GroupState(clock, entries.getFirst().time(), entries));
        return null;
    }

    private Alert atWindowEnd(CorrelationRule rule, GroupKey key, Entry entry, List<Alert> alerts) {
        if (entry.time() < watermark) {
            lateEvents++;
            return null;
        }
        long span = rule.timespan().toMillis();
        GroupState state = store.get(key);
        Alert closed = null;
        if (state != null && entry.time() >= state.windowStart() + span) {
            closed = close(rule, key, state);
            state = null;
        }
        List<Entry> entries = new ArrayList<>(state == null ? List.of() : state.entries());
        long start = state == null ? entry.time() : state.windowStart();
        if (entry.time() < start) {
            if (state.clock() - entry.time() >= span) {
                lateEvents++;
                return closed;
            }
            unschedule(key, start + span);
            start = entry.time();
        }
        insert(entries, entry);
        trim(entries);
        long clock = state == null ? entry.time() : Math.max(state.clock(), entry.time());
        store.put(key, new GroupState(clock, start, entries));
        schedule(key, start + span);
        return closed;
    }

    private void closeUpTo(long time, List<Alert> alerts) {
        while (!closing.isEmpty() && closing.firstKey() <= time) {
            Map.Entry<Long, Set<GroupKey>> due = closing.pollFirstEntry();
            for (GroupKey key : due.getValue()) {
                CorrelationRule rule = byId.get(key.correlationId());
                GroupState state = store.get(key);
                if (rule == null || state == null || state.windowStart() + rule.timespan().toMillis() != due.getKey()) {
                    continue;
                }
                Alert alert = close(rule, key, state);
                if (alert != null && rule.alerting()) {
                    alerts.add(alert);
                }
            }
        }
    }

    private Alert close(CorrelationRule rule, GroupKey key, GroupState state) {
        store.remove(key);
        unschedule(key, state.windowStart() + rule.timespan().toMillis());
        double measured = measure(rule, state.entries());
        return rule.condition().test(measured) ? alert(rule, key, state.entries(), measured) : null;
    }

    private void schedule(GroupKey key, long end) {
        closing.computeIfAbsent(end, e -> new LinkedHashSet<>()).add(key);
    }

    private void unschedule(GroupKey key, long end) {
        Set<GroupKey> keys = closing.get(end);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                closing.remove(end);
            }
        }
    }

    /** Keeps entries in event-time order; equal times stay in arrival order. */
    private static void insert(List<Entry> entries, Entry entry) {
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).time() > entry.time()) {
            at--;
        }
        entries.add(at, entry);
    }

    private void trim(List<Entry> entries) {
        while (entries.size() > options.maxEntriesPerGroup()) {
            entries.removeFirst();
            droppedEntries++;
        }
    }

    static double measure(CorrelationRule rule, List<Entry> entries) {
        return switch (rule.type()) {
            case EVENT_COUNT -> entries.stream().map(Entry::eventId).distinct().count();
            case VALUE_COUNT -> entries.stream().map(Entry::value).distinct().count();
            case VALUE_SUM -> entries.stream().mapToDouble(Entry::number).sum();
            case VALUE_AVG -> entries.stream().mapToDouble(Entry::number).average().orElse(Double.NaN);
            case VALUE_PERCENTILE, VALUE_MEDIAN -> percentile(entries, rule.condition().percentile().orElse(50));
            case TEMPORAL -> entries.stream().mapToInt(Entry::rule).distinct().count();
            case TEMPORAL_ORDERED -> {
                int next = 0;
                for (Entry entry : entries) {
                    if (entry.rule() == next) {
                        next++;
                    }
                }
                yield next;
            }
        };
    }

    /** Linear interpolation between closest ranks (what PERCENTILE_CONT computes). */
    private static double percentile(List<Entry> entries, int percentile) {
        double[] numbers = entries.stream().mapToDouble(Entry::number).sorted().toArray();
        if (numbers.length == 0) {
            return Double.NaN;
        }
        double rank = percentile / 100.0 * (numbers.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return numbers[low] + (numbers[high] - numbers[low]) * (rank - low);
    }

    private Alert alert(CorrelationRule rule, GroupKey key, List<Entry> entries, double measured) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < rule.groupBy().size() && i < key.values().size(); i++) {
            group.put(rule.groupBy().get(i), key.values().get(i));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Entry entry : entries) {
            ids.add(entry.eventId());
        }
        List<String> carried = ids.stream().limit(options.maxEventIdsPerAlert()).toList();
        long first = entries.stream().mapToLong(Entry::time).min().orElse(0);
        long last = entries.stream().mapToLong(Entry::time).max().orElse(0);
        return new Alert(rule.info().id(), rule.info().title(), rule.info().version(), rule.info().level(),
                rule.info().techniques(), rule.info().tags(), Optional.of(rule.type()), group, carried, ids.size(),
                Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), measured);
    }

    private static String text(FieldValue value) {
        return switch (value) {
            case null -> null;
            case FieldValue.StringValue s -> s.value();
            case FieldValue.LongValue l -> Long.toString(l.value());
            case FieldValue.DoubleValue d -> Double.toString(d.value());
            case FieldValue.BooleanValue b -> Boolean.toString(b.value());
            case FieldValue.StringList list -> {
                String[] sorted = list.values().toArray(String[]::new);
                Arrays.sort(sorted);
                yield String.join(",", sorted);
            }
        };
    }

    private static double number(FieldValue value) {
        return switch (value) {
            case FieldValue.LongValue l -> l.value();
            case FieldValue.DoubleValue d -> d.value();
            case FieldValue.StringValue s -> {
                try {
                    yield Double.parseDouble(s.value());
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
            default -> Double.NaN;
        };
    }

    /** For tests: the groups currently held. */
    Set<GroupKey> openGroups() {
        Set<GroupKey> keys = new HashSet<>();
        store.forEach((key, state) -> keys.add(key));
        return keys;
    }
}
