package com.ramparts.soc.response;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.incident.Incident;
import com.ramparts.soc.incident.IncidentActionTaken;
import com.ramparts.soc.incident.IncidentDetail;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteIsolation;
import com.ramparts.soc.site.SiteRegistry;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Takes response actions from incidents. Each request is checked first (a refusal changes nothing), recorded as
 * pending under its request key (a repeat of the key answers the first request's record instead of acting again),
 * then taken outside any transaction (pki and SMTP are slow and not transactional), then completed: outcome on the
 * record, a {@code RESPONSE} line in the incident's history, and, for a successful revoke/notify/isolate,
 * {@link IncidentActionTaken} published once that transaction has committed.
 */
public class ResponseActions {

    public static final int MAX_MESSAGE = 2000;
    /** The history action of a response action's outcome. */
    public static final String HISTORY_ACTION = "RESPONSE";
    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final Logger log = LoggerFactory.getLogger(ResponseActions.class);

    private final ResponseActionStore store;
    private final TransactionTemplate transactions;
    private final Incidents incidents;
    private final SiteRegistry sites;
    private final PkiRevocations pki;
    private final UnitNotifier notifier;
    private final ApplicationEventPublisher events;
    private final SocProperties.Response settings;
    private final Clock clock;

    public ResponseActions(JdbcClient jdbc, TransactionTemplate transactions, Incidents incidents, SiteRegistry sites,
                           PkiRevocations pki, UnitNotifier notifier, ApplicationEventPublisher events,
                           SocProperties.Response settings, Clock clock) {
        this.store = new ResponseActionStore(jdbc);
        this.transactions = transactions;
        this.incidents = incidents;
        this.sites = sites;
        this.pki = pki;
        this.notifier = notifier;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** A checked request: what it is taken on, what is recorded about it, and the work itself. */
    private record Plan(ResponseAction action, String target, String detail, Supplier<String> work) {
    }

    /**
     * Takes the action, or answers the record of the earlier request with the same key ({@code repeated}).
     *
     * @throws ResponseException refused (4xx: nothing changed) or failed (recorded as failed, then thrown)
     */
    public ActionRecord take(long incidentId, String actor, ActionRequest request) {
        ResponseAction action = ResponseAction.fromWire(request.action()).orElseThrow(() -> new ResponseException(
                ResponseException.Code.UNKNOWN_ACTION, "the action must be one of "
                + Stream.of(ResponseAction.values()).map(ResponseAction::wire).toList()));
        if (!request.confirmed()) {
            throw new ResponseException(ResponseException.Code.CONFIRMATION_REQUIRED,
                    "a response action must be confirmed (\"confirm\": true)");
        }
        String note = request.message() == null || request.message().isBlank() ? null : request.message().strip();
        if (note != null && note.length() > MAX_MESSAGE) {
            throw new ResponseException(ResponseException.Code.MESSAGE_TOO_LONG,
                    "the message is at most " + MAX_MESSAGE + " characters, was " + note.length());
        }
        if (request.requestKey() != null && !REQUEST_KEY.matcher(request.requestKey()).matches()) {
            throw new ResponseException(ResponseException.Code.INVALID_REQUEST_KEY,
                    "a request key is 8-100 of A-Z a-z 0-9 . _ : -");
        }
        Incident incident = incidents.find(incidentId).map(IncidentDetail::incident).orElseThrow(() ->
                new ResponseException(ResponseException.Code.INCIDENT_NOT_FOUND, "no incident " + incidentId));
        if (incident.status().closed() && action != ResponseAction.RELEASE_SITE) {
            throw new ResponseException(ResponseException.Code.INCIDENT_CLOSED,
                    "incident " + incidentId + " is " + incident.status().wire() + "; only releasing a site is allowed");
        }
        if (request.requestKey() != null) {
            // a repeat of a finished or running request answers its record before the checks: the first one changed
            // what they look at (the site is isolated now), and that must not make the repeat look refused
            Optional<ActionRecord> earlier = transactions.execute(status -> store.find(incidentId, request.requestKey()));
            if (earlier.isPresent() && earlier.get().outcome() != ActionRecord.Outcome.FAILED
                    && earlier.get().action().equals(action.wire())) {
                return earlier.get().asRepeat();
            }
        }
        Plan plan = plan(action, incident, actor, request, note);
        Begun begun = begin(incident, actor, request.requestKey(), plan);
        if (begun.repeat() != null) {
            return begun.repeat();
        }
        String result;
        try {
            result = plan.work().get();
        } catch (ResponseException e) {
            finish(begun.id(), incident, plan, actor, ActionRecord.Outcome.FAILED, plan.detail(), e.code().name(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            finish(begun.id(), incident, plan, actor, ActionRecord.Outcome.FAILED, plan.detail(), "INTERNAL",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        return finish(begun.id(), incident, plan, actor, ActionRecord.Outcome.SUCCEEDED, result, null, null);
    }

    public List<ActionRecord> list(long incidentId) {
        return transactions.execute(status -> store.list(incidentId));
    }

    public Optional<SiteIsolation> isolation(String siteId) {
        return siteId == null ? Optional.empty() : sites.isolation(siteId);
    }

    public boolean revocationAvailable() {
        return pki.configured();
    }

    public boolean notificationAvailable() {
        return notifier.configured();
    }

    /**
     * Whom {@code notify_unit} writes to: the e-mail contacts of the incident's site, else those of the other sites of
     * its unit.
     */
    public List<InternetAddress> recipients(Incident incident) {
        List<String> ofSite = incident.siteId() == null ? List.of() : sites.find(incident.siteId())
                .map(site -> site.contacts().stream().map(Site.Contact::email).toList()).orElse(List.of());
        List<InternetAddress> valid = UnitNotifier.addresses(ofSite);
        if (valid.isEmpty() && incident.unitId() != null) {
            valid = UnitNotifier.addresses(sites.all().stream().filter(site -> incident.unitId().equals(site.unitId()))
                    .flatMap(site -> site.contacts().stream()).map(Site.Contact::email).toList());
        }
        return valid;
    }

    private Plan plan(ResponseAction action, Incident incident, String actor, ActionRequest request, String note) {
        return switch (action) {
            case REVOKE_CERTIFICATE -> {
                String serial = CertificateSerial.parse(request.serial());
                String reason = CertificateSerial.reason(request.reason());
                if (!pki.configured()) {
                    throw new ResponseException(ResponseException.Code.PKI_NOT_CONFIGURED,
                            "soc has no pki to revoke through: set ramparts.soc.response.pki.url and a token");
                }
                yield new Plan(action, serial, "reason " + reason, () -> {
                    PkiRevocations.Revoked revoked = pki.revoke(serial, reason);
                    return "reason " + reason + "; pki: " + revoked.status()
                            + (revoked.revokedAt() == null ? "" : " at " + revoked.revokedAt());
                });
            }
            case NOTIFY_UNIT -> {
                List<InternetAddress> to = recipients(incident);
                if (to.isEmpty()) {
                    throw new ResponseException(ResponseException.Code.NO_CONTACT,
                            "the site registry has no e-mail contact for site " + incident.siteId() + " or unit " + incident.unitId());
                }
                if (!notifier.configured()) {
                    throw new ResponseException(ResponseException.Code.MAIL_NOT_CONFIGURED,
                            "soc has no SMTP server to send through: set ramparts.soc.response.mail.host");
                }
                String target = incident.unitId() != null ? incident.unitId() : incident.siteId();
                String detail = "to " + to.stream().map(InternetAddress::getAddress).collect(Collectors.joining(", "))
                        + (note == null ? "" : "; message: " + note);
                yield new Plan(action, target == null ? "-" : target, detail, () -> {
                    notifier.send(incident, to, actor, note);
                    return detail;
                });
            }
            case ISOLATE_SITE -> {
                String site = registeredSite(incident);
                if (sites.isolation(site).isPresent()) {
                    throw new ResponseException(ResponseException.Code.SITE_ALREADY_ISOLATED, "site " + site + " is already isolated");
                }
                String detail = note == null ? "isolated" : "isolated; " + note;
                yield new Plan(action, site, detail, () -> {
                    if (!sites.isolate(new SiteIsolation(site, incident.id(), actor, clock.instant(), note))) {
                        throw new ResponseException(ResponseException.Code.SITE_ALREADY_ISOLATED, "site " + site + " is already isolated");
                    }
                    return detail;
                });
            }
            case RELEASE_SITE -> {
                String site = incident.siteId();
                if (site == null) {
                    throw new ResponseException(ResponseException.Code.NO_SITE, "incident " + incident.id() + " names no site");
                }
                if (sites.isolation(site).isEmpty()) {
                    throw new ResponseException(ResponseException.Code.SITE_NOT_ISOLATED, "site " + site + " is not isolated");
                }
                String detail = note == null ? "released" : "released; " + note;
                yield new Plan(action, site, detail, () -> {
                    if (!sites.release(site)) {
                        throw new ResponseException(ResponseException.Code.SITE_NOT_ISOLATED, "site " + site + " is not isolated");
                    }
                    return detail;
                });
            }
        };
    }

    private String registeredSite(Incident incident) {
        if (incident.siteId() == null) {
            throw new ResponseException(ResponseException.Code.NO_SITE, "incident " + incident.id() + " names no site");
        }
        if (sites.find(incident.siteId()).isEmpty()) {
            sites.refresh(); // registered by another instance since our last refresh?
            if (sites.find(incident.siteId()).isEmpty()) {
                throw new ResponseException(ResponseException.Code.SITE_NOT_REGISTERED,
                        "site " + incident.siteId() + " is not in the site registry");
            }
        }
        return incident.siteId();
    }

    /** @param repeat the earlier request's record when this one is a repeat; null when this one goes ahead as {@code id} */
    private record Begun(long id, ActionRecord repeat) {
    }

    private Begun begin(Incident incident, String actor, String givenKey, Plan plan) {
        Instant now = clock.instant();
        // without a key of the client's, repeats are recognised by action and target until one of them succeeds
        String key = givenKey != null ? givenKey : plan.action().wire() + ":" + plan.target() + "#"
                + transactions.execute(status -> store.succeeded(incident.id(), plan.action(), plan.target()));
        try {
            long id = transactions.execute(status ->
                    store.insertPending(incident.id(), key, plan.action(), plan.target(), plan.detail(), actor, now));
            return new Begun(id, null);
        } catch (DuplicateKeyException e) {
            // a repeat: look at the first request's record in a new transaction (PostgreSQL aborted the failed one)
            return transactions.execute(status -> {
                ActionRecord earlier = store.find(incident.id(), key).orElseThrow(() -> new ResponseException(
                        ResponseException.Code.ACTION_IN_PROGRESS, "the earlier request with this key is gone; try again"));
                if (!earlier.action().equals(plan.action().wire()) || !earlier.target().equals(plan.target())) {
                    throw new ResponseException(ResponseException.Code.INVALID_REQUEST_KEY,
                            "request key " + key + " was used for " + earlier.action() + " on " + earlier.target());
                }
                boolean retry = earlier.outcome() == ActionRecord.Outcome.FAILED
                        || (earlier.outcome() == ActionRecord.Outcome.PENDING
                        && earlier.requestedAt().isBefore(now.minus(settings.pendingTimeout())));
                if (retry && store.retake(earlier, actor, plan.detail(), now)) {
                    return new Begun(earlier.id(), null);
                }
                return new Begun(earlier.id(), store.find(earlier.id()).orElse(earlier).asRepeat());
            });
        }
    }

    private ActionRecord finish(long id, Incident incident, Plan plan, String actor, ActionRecord.Outcome outcome, String detail,
                                String errorCode, String error) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            store.complete(id, outcome, detail, errorCode, error, now);
            incidents.record(incident.id(), actor, HISTORY_ACTION, plan.action().wire() + " " + plan.target() + ": "
                    + outcome.name().toLowerCase(java.util.Locale.ROOT)
                    + (errorCode == null ? "" : " (" + errorCode + ": " + error + ")")
                    + (detail == null ? "" : "; " + detail));
            if (outcome == ActionRecord.Outcome.SUCCEEDED && plan.action().scored()) {
                IncidentActionTaken taken = new IncidentActionTaken(incident.id(), incident.exerciseId(), plan.action().wire(),
                        plan.target(), actor, now);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        try {
                            events.publishEvent(taken);
                        } catch (RuntimeException e) {
                            // the action is done and recorded; a listener's failure must not turn it into an error
                            log.warn("A listener of {} failed: {}", taken, e.toString());
                        }
                    }
                });
            }
            return store.find(id).orElseThrow();
        });
    }
}
