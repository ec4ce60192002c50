package com.ramparts.pki.cmp;

import com.ramparts.pki.audit.AuditActor;
import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** {@code POST /api/v1/cmp/secrets}: the administrator makes a one-time CMP enrolment secret for one site. */
@RestController
@RequestMapping("/api/v1/cmp/secrets")
class CmpSecretController {

    private final CmpSecrets secrets;
    private final Duration defaultValidity;
    private final Duration maxValidity;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    CmpSecretController(CmpSecrets secrets, Duration defaultValidity, Duration maxValidity, Clock clock, AuditLog audit,
                        TransactionTemplate transaction) {
        this.secrets = secrets;
        this.defaultValidity = defaultValidity;
        this.maxValidity = maxValidity;
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** @param validity ISO-8601 duration; the configured default when null */
    record CreateRequest(String siteId, String validity) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CmpSecrets.Created create(@RequestBody CreateRequest request, Principal principal) {
        Duration validity;
        try {
            validity = request.validity() == null ? defaultValidity : Duration.parse(request.validity());
        } catch (DateTimeParseException e) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "validity", "validity", "not an ISO-8601 duration such as PT72H");
        }
        Duration lifetime = validity;
        return transaction.execute(status -> {
            CmpSecrets.Created created = secrets.create(request.siteId(), lifetime, maxValidity, principal.getName(), clock.instant());
            audit.append(AuditEvent.of("cmp.secret.created", AuditActor.current(), created.reference(),
                    Map.of("siteId", created.siteId(), "expiresAt", created.expiresAt().toString())));
            return created;
        });
    }
}
