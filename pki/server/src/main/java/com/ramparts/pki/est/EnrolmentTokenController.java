package com.ramparts.pki.est;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code POST /api/v1/enrolment-tokens}: the administrator makes a one-time token for one agent of one site. */
@RestController
@RequestMapping("/api/v1/enrolment-tokens")
class EnrolmentTokenController {

    private final EnrolmentTokens tokens;
    private final Duration defaultValidity;
    private final Duration maxValidity;
    private final Clock clock;

    EnrolmentTokenController(EnrolmentTokens tokens, Duration defaultValidity, Duration maxValidity, Clock clock) {
        this.tokens = tokens;
        this.defaultValidity = defaultValidity;
        this.maxValidity = maxValidity;
        this.clock = clock;
    }

    /** @param validity ISO-8601 duration such as {@code PT72H}; the configured default if null */
    record CreateRequest(String siteId, String agentId, String validity) {
    }

    /** @param token shown this once: only its hash is kept */
    record CreatedToken(String token, String siteId, String agentId, Instant expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(@RequestBody CreateRequest request, Principal principal) {
        Duration validity;
        try {
            validity = request.validity() == null ? defaultValidity : Duration.parse(request.validity());
        } catch (DateTimeParseException e) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "validity", "validity", "not an ISO-8601 duration such as PT72H");
        }
        EnrolmentTokens.Created created = tokens.create(request.siteId(), request.agentId(), validity, maxValidity,
                principal.getName(), clock.instant());
        return new CreatedToken(created.token(), created.allows().siteId(), created.allows().agentId(), created.allows().expiresAt());
    }
}
