package com.ramparts.pki.acme;

import com.ramparts.pki.audit.AuditActor;
import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.ra.Caller;
import com.ramparts.pki.ra.unit.Units;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code POST /api/v1/acme/eab-keys}: an external account binding key for one unit. Administrators and RA
 * officers make them for any unit, a requester (the unit's IT officer) for its own unit only.
 */
@RestController
@RequestMapping("/api/v1/acme/eab-keys")
class ExternalAccountKeyController {

    private final ExternalAccountKeys keys;
    private final Units units;
    private final Duration maxValidity;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    ExternalAccountKeyController(ExternalAccountKeys keys, Units units, Duration maxValidity, Clock clock, AuditLog audit,
                                 TransactionTemplate transaction) {
        this.keys = keys;
        this.units = units;
        this.maxValidity = maxValidity;
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** @param validity ISO-8601 duration; 7 days (or the maximum, if shorter) when null */
    record CreateRequest(String unit, String validity) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ExternalAccountKeys.Created create(@RequestBody CreateRequest request) {
        Caller caller = Caller.current();
        String unit = request.unit() == null && caller.scope() != null ? caller.scope() : request.unit();
        if (unit == null || unit.isBlank()) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "unit", "unit");
        }
        // another unit's code is answered exactly like one that does not exist
        units.find(unit).filter(u -> caller.sees(u.code())).orElseThrow(() -> new PkiException(PkiError.RA_UNIT_NOT_FOUND, "unit", unit));
        Duration validity;
        try {
            Duration week = Duration.ofDays(7);
            validity = request.validity() == null ? (week.compareTo(maxValidity) < 0 ? week : maxValidity) : Duration.parse(request.validity());
        } catch (DateTimeParseException e) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "validity", "validity", "not an ISO-8601 duration such as P7D");
        }
        Instant now = clock.instant();
        Duration lifetime = validity;
        return transaction.execute(status -> {
            ExternalAccountKeys.Created created = keys.create(unit, lifetime, maxValidity, caller.name(), now);
            audit.append(AuditEvent.of("acme.eab_key.created", AuditActor.current(), created.keyId(),
                    Map.of("unit", unit, "expiresAt", created.expiresAt().toString())));
            return created;
        });
    }
}
