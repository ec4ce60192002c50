package com.ramparts.pki.token;

import com.ramparts.pki.audit.AuditActor;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** {@code /api/v1/tokens} (administrators): create (the secret is shown once), list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** @param validity ISO-8601 duration, e.g. {@code P90D}; the maximum if null */
    record CreateRequest(String name, String role, String unit, String validity) {
    }

    @PostMapping
    ResponseEntity<ApiTokens.Created> create(@RequestBody CreateRequest request) {
        Role role = request.role() == null ? null : Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(request.role()))
                .findFirst().orElseThrow(() -> new PkiException(PkiError.TOKEN_SCOPE_INVALID, "role",
                        "role must be one of " + Arrays.toString(Role.values())));
        Duration validity;
        try {
            validity = request.validity() == null ? null : Duration.parse(request.validity());
        } catch (DateTimeParseException e) {
            throw new PkiException(PkiError.TOKEN_SCOPE_INVALID, "validity", "validity is an ISO-8601 duration such as P90D");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(request.name(), role, request.unit(), validity, AuditActor.current()));
    }

    @GetMapping
    List<ApiToken> list() {
        return tokens.list();
    }

    @DeleteMapping("/{id}")
    ApiToken revoke(@PathVariable("id") String id) {
        return tokens.revoke(id, AuditActor.current());
    }
}
