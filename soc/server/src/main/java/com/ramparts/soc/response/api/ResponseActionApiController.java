package com.ramparts.soc.response.api;

import com.ramparts.soc.account.Account;
import com.ramparts.soc.account.SocUser;
import com.ramparts.soc.incident.IncidentDetail;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.response.ActionRecord;
import com.ramparts.soc.response.ActionRequest;
import com.ramparts.soc.response.ResponseActions;
import com.ramparts.soc.response.ResponseException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/v1/incidents/{id}/actions}: take a response action (ANALYST, ADMIN; the security configuration enforces
 * the roles) and list the incident's actions (also a requester of the incident's unit).
 */
@RestController
@RequestMapping(path = "/api/v1/incidents/{id}/actions", produces = MediaType.APPLICATION_JSON_VALUE)
class ResponseActionApiController {

    private final ResponseActions actions;
    private final Incidents incidents;

    ResponseActionApiController(ResponseActions actions, Incidents incidents) {
        this.actions = actions;
        this.incidents = incidents;
    }

    /** 201 with the new action's record; 200 with the earlier record when this is a repeat of its request. */
    @PostMapping
    ResponseEntity<ActionRecord> take(@AuthenticationPrincipal SocUser user, @PathVariable long id,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      HttpServletRequest request) {
        ActionBodies.Body body = ActionBodies.read(request);
        ActionRecord record = actions.take(id, user.getUsername(), new ActionRequest(body.action(), body.serial(),
                body.reason(), body.message(), key, Boolean.TRUE.equals(body.confirm())));
        return ResponseEntity.status(record.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(record);
    }

    @GetMapping
    List<ActionRecord> list(@AuthenticationPrincipal SocUser user, @PathVariable long id) {
        IncidentDetail detail = incidents.find(id).orElseThrow(() -> notFound(id));
        Account account = user.account();
        if (account.limitedToUnit() && (account.unitId() == null || !account.unitId().equals(detail.incident().unitId()))) {
            throw notFound(id);
        }
        return actions.list(id);
    }

    private static ResponseException notFound(long id) {
        return new ResponseException(ResponseException.Code.INCIDENT_NOT_FOUND, "no incident " + id);
    }
}
