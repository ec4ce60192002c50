package com.ramparts.soc.incident;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.alert.AlertMessages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Incident management: alerts in, lifecycle out. Every operation is one transaction; a refused one throws
 * {@link IncidentException} and leaves the database as it was.
 */
public class Incidents {

    public static final int MAX_NOTE = 4000;
    /** What the consumer writes in the history as the actor of automatic changes. */
    public static final String SYSTEM = "soc";
    private static final int MAX_BODY = 20_000;

    private final IncidentStore store;
    private final TransactionTemplate transactions;
    private final SocProperties.Incidents settings;
    private final Grouping grouping;
    private final Clock clock;

    public Incidents(JdbcClient jdbc, TransactionTemplate transactions, SocProperties.Incidents settings, Clock clock) {
        this.store = new IncidentStore(jdbc);
        this.transactions = transactions;
        this.settings = settings;
        this.grouping = new Grouping(settings);
        this.clock = clock;
    }

    /** What became of an alert. */
    public enum Outcome { CREATED, JOINED, SUPPRESSED, DUPLICATE }

    /** Stores the alert once (by id) and files it under its incident, opening one when its group has none open. */
    public Outcome ingest(AlertMessage alert) {
        return inTransaction(() -> {
            if (store.alertStored(alert.id())) {
                return Outcome.DUPLICATE;
            }
            Instant now = clock.instant();
            Instant start = time(alert.windowStart());
            Instant end = time(alert.windowEnd());
            Instant created = time(alert.createdAt());
            Instant at = end != null ? end : created != null ? created : now;
            Grouping.Key key = grouping.of(alert);
            Optional<IncidentRow> open = store.openFor(key.value(), at, settings.window());
            long incidentId;
            boolean repeat;
            if (open.isPresent()) {
                incidentId = open.get().id();
                repeat = store.ruleSeen(incidentId, alert.ruleId());
                if (alert.severity() > open.get().severity()) {
                    store.history(incidentId, now, SYSTEM, "SEVERITY_RAISED", null, null,
                            open.get().severity() + " -> " + alert.severity() + " by " + alert.ruleId());
                }
            } else {
                incidentId = store.create(key.value(), alert, key.host(), at, now);
                repeat = false;
                store.history(incidentId, now, SYSTEM, "CREATED", null, IncidentStatus.NEW, "alert " + alert.id());
            }
            store.insertAlert(incidentId, alert, start, end, created, now, body(alert));
            store.countAlert(incidentId, alert.severity(), at, repeat, now);
            return open.isEmpty() ? Outcome.CREATED : repeat ? Outcome.SUPPRESSED : Outcome.JOINED;
        });
    }

    public IncidentPage list(IncidentFilter filter) {
        return inTransaction(() -> {
            Instant now = clock.instant();
            List<Incident> items = store.list(filter).stream().map(row -> view(row, now)).toList();
            return new IncidentPage(items, store.count(filter), filter.page(), filter.size());
        });
    }

    public Optional<IncidentDetail> find(long id) {
        return inTransaction(() -> store.find(id).map(row -> new IncidentDetail(view(row, clock.instant()),
                store.alerts(id), store.history(id))));
    }

    /** Moves a new incident to acknowledged; the actor becomes its owner unless it has one. */
    public Incident acknowledge(long id, String actor, String note) {
        return transition(id, actor, IncidentStatus.ACKNOWLEDGED, note);
    }

    public Incident transition(long id, String actor, IncidentStatus target, String note) {
        checkNote(note, false);
        return inTransaction(() -> {
            IncidentRow row = existing(id);
            if (!row.status().canMoveTo(target)) {
                throw new IncidentException(IncidentException.Code.ILLEGAL_TRANSITION,
                        "an incident that is " + row.status().wire() + " cannot become " + target.wire()
                                + "; allowed: " + row.status().next().stream().map(IncidentStatus::wire).sorted().toList());
            }
            Instant now = clock.instant();
            String owner = target == IncidentStatus.ACKNOWLEDGED && row.owner() == null ? actor : row.owner();
            // leaving new, whichever way, is the response the SLA clock waits for
            Instant acknowledged = row.acknowledgedAt() == null ? now : row.acknowledgedAt();
            write(row, target, owner, acknowledged, target.closed() ? now : null, now);
            store.history(id, now, actor, "TRANSITION", row.status(), target, blankToNull(note));
            return view(existing(id), now);
        });
    }

    public Incident assign(long id, String actor, String owner) {
        return inTransaction(() -> {
            IncidentRow row = existing(id);
            if (row.status().closed()) {
                throw new IncidentException(IncidentException.Code.ILLEGAL_TRANSITION,
                        "a " + row.status().wire() + " incident cannot be reassigned");
            }
            Instant now = clock.instant();
            write(row, row.status(), owner, row.acknowledgedAt(), row.closedAt(), now);
            store.history(id, now, actor, "ASSIGNED", null, null, (row.owner() == null ? "-" : row.owner()) + " -> " + owner);
            return view(existing(id), now);
        });
    }

    public Incident note(long id, String actor, String text) {
        checkNote(text, true);
        return inTransaction(() -> {
            IncidentRow row = existing(id);
            Instant now = clock.instant();
            store.history(id, now, actor, "NOTE", null, null, text);
            return view(row, now);
        });
    }

    private void write(IncidentRow row, IncidentStatus status, String owner, Instant acknowledged, Instant closed, Instant now) {
        if (!store.update(row, status, owner, acknowledged, closed, now)) {
            throw new IncidentException(IncidentException.Code.CONCURRENT_UPDATE,
                    "incident " + row.id() + " was changed meanwhile; read it again");
        }
    }

    private IncidentRow existing(long id) {
        return store.find(id).orElseThrow(() -> new IncidentException(IncidentException.Code.INCIDENT_NOT_FOUND,
                "no incident " + id));
    }

    private Incident view(IncidentRow row, Instant now) {
        Duration within = settings.acknowledgeWithin().get(Math.clamp(row.severity(), 1, 5));
        return new Incident(row.id(), row.title(), row.status(), row.severity(), row.siteId(), row.unitId(), row.host(),
                row.exerciseId(), row.owner(), row.alertCount(), row.suppressedCount(), row.firstAlertAt(),
                row.lastAlertAt(), row.createdAt(), row.updatedAt(), row.acknowledgedAt(), row.closedAt(),
                Sla.of(row.createdAt().plus(within), row.acknowledgedAt(), now),
                row.status().next().stream().sorted().toList());
    }

    private static void checkNote(String text, boolean required) {
        if (required && (text == null || text.isBlank())) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "a note needs text");
        }
        if (text != null && text.length() > MAX_NOTE) {
            throw new IncidentException(IncidentException.Code.NOTE_TOO_LONG,
                    "a note is at most " + MAX_NOTE + " characters, was " + text.length());
        }
    }

    private static String body(AlertMessage alert) {
        String json = new String(AlertMessages.json(alert), StandardCharsets.UTF_8);
        // the event ids are capped at 100 by the correlator, so this only trims pathological titles or group keys
        return json.length() > MAX_BODY ? json.substring(0, MAX_BODY) : json;
    }

    private static Instant time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
