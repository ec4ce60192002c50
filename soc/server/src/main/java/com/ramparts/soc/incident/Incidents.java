package com.ramparts.soc.incident;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.alert.AlertMessages;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
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
    /** Attempts at filing one alert when other instances race for the same group; each loser joins the winner. */
    private static final int INGEST_ATTEMPTS = 5;

    private final IncidentStore store;
    private final TransactionTemplate transactions;
    private final SocProperties.Incidents settings;
    private final Grouping grouping;
    private final Clock clock;
    private volatile LongConsumer changed = id -> { };
    private volatile Consumer<String> beforeClaim = key -> { };

    public Incidents(JdbcClient jdbc, TransactionTemplate transactions, SocProperties.Incidents settings, Clock clock) {
        this.store = new IncidentStore(jdbc);
        this.transactions = transactions;
        this.settings = settings;
        this.grouping = new Grouping(settings);
        this.clock = clock;
    }

    /** What became of an alert. */
    public enum Outcome { CREATED, JOINED, SUPPRESSED, DUPLICATE }

    /** Called with an incident's id after every committed change to it (the search index listens). */
    public void onChange(LongConsumer listener) {
        this.changed = listener == null ? id -> { } : listener;
    }

    /** Test seam: runs after a transaction decided to open an incident for the group, before it claims the group. */
    void beforeClaim(Consumer<String> hook) {
        this.beforeClaim = hook == null ? key -> { } : hook;
    }

    /**
     * Stores the alert once (by id) and files it under its incident, opening one when its group has none open. When
     * another instance opens the group's incident (or stores the same alert) at the same moment, the database refuses
     * one of the two ({@code incident_open_group}, {@code incident_alert} primary keys); the refused one runs again in
     * a new transaction and then joins the winner's incident (or finds the alert stored).
     */
    public Outcome ingest(AlertMessage alert) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> file(alert));
            } catch (DuplicateKeyException | ConcurrencyFailureException | GroupTaken e) {
                if (attempt >= INGEST_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Outcome file(AlertMessage alert) {
        if (store.alertStored(alert.id())) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        Instant start = time(alert.windowStart());
        Instant end = time(alert.windowEnd());
        Instant created = time(alert.createdAt());
        Instant at = end != null ? end : created != null ? created : now;
        Grouping.Key key = grouping.of(alert);
        Long holder = store.openGroupHolder(key.value()).orElse(null);
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
            beforeClaim.accept(key.value());
            incidentId = store.create(key.value(), alert, key.host(), at, now);
            if (!store.claimOpenGroup(key.value(), holder, incidentId)) {
                throw new GroupTaken();
            }
            repeat = false;
            store.history(incidentId, now, SYSTEM, "CREATED", null, IncidentStatus.NEW, "alert " + alert.id());
        }
        store.insertAlert(incidentId, alert, start, end, created, now, body(alert));
        store.countAlert(incidentId, alert.severity(), at, repeat, now);
        afterCommit(incidentId);
        return open.isEmpty() ? Outcome.CREATED : repeat ? Outcome.SUPPRESSED : Outcome.JOINED;
    }

    /** Another transaction took or freed the group's open slot after this one read it; the attempt is rolled back. */
    private static final class GroupTaken extends RuntimeException {
        GroupTaken() {
            super("the group's open incident changed meanwhile", null, false, false);
        }
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
            if (target.closed()) {
                store.releaseOpenGroup(id);
            }
            store.history(id, now, actor, "TRANSITION", row.status(), target, blankToNull(note));
            afterCommit(id);
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
            afterCommit(id);
            return view(existing(id), now);
        });
    }

    public Incident note(long id, String actor, String text) {
        checkNote(text, true);
        return inTransaction(() -> {
            IncidentRow row = existing(id);
            Instant now = clock.instant();
            store.history(id, now, actor, "NOTE", null, null, text);
            afterCommit(id);
            return view(row, now);
        });
    }

    /**
     * Writes a line into the incident's history (a response action's outcome, for one) in the caller's transaction,
     * or in one of its own.
     */
    public void record(long id, String actor, String action, String detail) {
        inTransaction(() -> {
            existing(id);
            store.history(id, clock.instant(), actor, action, null, null, detail == null ? null : truncate(detail, MAX_NOTE));
            afterCommit(id);
            return null;
        });
    }

    /** The incidents with these ids, in the order given; ids that do not exist are left out. */
    public List<Incident> findAll(List<Long> ids) {
        return inTransaction(() -> {
            Instant now = clock.instant();
            return ids.stream().map(store::find).flatMap(Optional::stream).map(row -> view(row, now)).toList();
        });
    }

    /** What the search index holds of an incident, read in one transaction; empty if it does not exist. */
    public Optional<IncidentDocument> document(long id) {
        return inTransaction(() -> store.find(id).map(row -> IncidentDocument.of(view(row, clock.instant()), row.version(),
                store.history(id), store.ruleSummary(id))));
    }

    /** The ids of incidents after {@code afterId}, ascending, at most {@code limit}: for rebuilding the index. */
    public List<Long> ids(long afterId, int limit) {
        return inTransaction(() -> store.ids(afterId, limit));
    }

    private void afterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed.accept(id);
                }
            });
        } else {
            changed.accept(id);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
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
