package com.ramparts.soc.incident.api;

import com.ramparts.soc.account.Account;
import com.ramparts.soc.account.Accounts;
import com.ramparts.soc.account.Role;
import com.ramparts.soc.account.SocUser;
import com.ramparts.soc.incident.Incident;
import com.ramparts.soc.incident.IncidentDetail;
import com.ramparts.soc.incident.IncidentException;
import com.ramparts.soc.incident.IncidentFilter;
import com.ramparts.soc.incident.IncidentPage;
import com.ramparts.soc.incident.IncidentStatus;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.incident.search.IncidentSearch;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/v1/incidents}. Reading: ANALYST, ADMIN, and REQUESTER limited to its unit (another unit's incident is a
 * 404, as if it did not exist). Acting: ANALYST and ADMIN (the security configuration enforces the roles).
 */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentApiController {

    private static final int MAX_FILTER = 64;

    private final Incidents incidents;
    private final Accounts accounts;
    private final IncidentSearch search;

    IncidentApiController(Incidents incidents, Accounts accounts, IncidentSearch search) {
        this.incidents = incidents;
        this.accounts = accounts;
        this.search = search;
    }

    @GetMapping
    IncidentPage list(@AuthenticationPrincipal SocUser user,
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false) Integer severity,
                      @RequestParam(required = false) String site,
                      @RequestParam(required = false) String unit,
                      @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        IncidentStatus wanted = status == null ? null : IncidentStatus.fromWire(status).orElseThrow(() ->
                new IncidentException(IncidentException.Code.INVALID_REQUEST, "unknown status"));
        Account account = user.account();
        String unitFilter = account.limitedToUnit() ? account.unitId() : unit;
        IncidentFilter filter = new IncidentFilter(wanted, severity, bounded("site", site), bounded("unit", unitFilter), page, size);
        if (account.limitedToUnit() && (account.unitId() == null || (unit != null && !unit.equals(account.unitId())))) {
            return new IncidentPage(List.of(), 0, page, size);
        }
        // free text goes to the search index; the other filters then narrow its hits
        return q == null ? incidents.list(filter) : search.search(q, filter);
    }

    /** {@code GET /api/v1/incidents/search?q=...}: the queue's filters plus free text, best match first. */
    @GetMapping("/search")
    IncidentPage search(@AuthenticationPrincipal SocUser user,
                        @RequestParam(required = false) String q,
                        @RequestParam(required = false) String status,
                        @RequestParam(required = false) Integer severity,
                        @RequestParam(required = false) String site,
                        @RequestParam(required = false) String unit,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        if (q == null) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "q (the search text) is required");
        }
        return list(user, status, severity, site, unit, q, page, size);
    }

    @GetMapping("/{id}")
    IncidentDetail one(@AuthenticationPrincipal SocUser user, @PathVariable long id) {
        IncidentDetail detail = incidents.find(id).orElseThrow(() -> notFound(id));
        Account account = user.account();
        if (account.limitedToUnit() && (account.unitId() == null || !account.unitId().equals(detail.incident().unitId()))) {
            throw notFound(id);
        }
        return detail;
    }

    @PostMapping(path = "/{id}/acknowledge")
    Incident acknowledge(@AuthenticationPrincipal SocUser user, @PathVariable long id,
                         @RequestBody(required = false) String body) {
        Requests.Acknowledge request = Requests.read(body, Requests.Acknowledge.class);
        return incidents.acknowledge(id, user.getUsername(), request.note());
    }

    @PostMapping(path = "/{id}/assign")
    Incident assign(@AuthenticationPrincipal SocUser user, @PathVariable long id, @RequestBody(required = false) String body) {
        Requests.Assign request = Requests.read(body, Requests.Assign.class);
        if (request.owner() == null || request.owner().isBlank()) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "owner is required");
        }
        boolean canOwn = accounts.find(request.owner())
                .filter(owner -> owner.enabled() && (owner.roles().contains(Role.ANALYST) || owner.roles().contains(Role.ADMIN)))
                .isPresent();
        if (!canOwn) {
            throw new IncidentException(IncidentException.Code.UNKNOWN_OWNER,
                    "the owner must be an enabled analyst or administrator account");
        }
        return incidents.assign(id, user.getUsername(), request.owner());
    }

    @PostMapping(path = "/{id}/transition")
    Incident transition(@AuthenticationPrincipal SocUser user, @PathVariable long id,
                        @RequestBody(required = false) String body) {
        Requests.Transition request = Requests.read(body, Requests.Transition.class);
        IncidentStatus target = request.to() == null ? null : IncidentStatus.fromWire(request.to()).orElse(null);
        if (target == null) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
                    "'to' must be one of acknowledged, investigating, contained, resolved, false_positive");
        }
        return incidents.transition(id, user.getUsername(), target, request.note());
    }

    @PostMapping(path = "/{id}/notes")
    Incident note(@AuthenticationPrincipal SocUser user, @PathVariable long id, @RequestBody(required = false) String body) {
        Requests.Note request = Requests.read(body, Requests.Note.class);
        return incidents.note(id, user.getUsername(), request.text());
    }

    private static IncidentException notFound(long id) {
        return new IncidentException(IncidentException.Code.INCIDENT_NOT_FOUND, "no incident " + id);
    }

    private static String bounded(String name, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_FILTER)) {
            throw new IncidentException(IncidentException.Code.INVALID_REQUEST, name + " must be 1-" + MAX_FILTER + " characters");
        }
        return value;
    }
}
