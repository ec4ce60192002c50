package com.ramparts.soc.web.incidents;

import com.ramparts.soc.incident.IncidentException;
import com.ramparts.soc.incident.IncidentFilter;
import com.ramparts.soc.incident.IncidentStatus;
import com.ramparts.soc.incident.IncidentPage;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.incident.search.IncidentSearch;
import com.ramparts.soc.response.ResponseActions;
import jakarta.mail.internet.InternetAddress;
import com.ramparts.soc.web.Page;
import com.ramparts.soc.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The incident queue and the incident page; actions post back and redirect to the incident (PRG). */
@Controller
class IncidentPagesController {

    private static final int PAGE_SIZE = 50;

    private final Incidents incidents;
    private final ResponseActions responses;
    private final IncidentSearch search;

    IncidentPagesController(Incidents incidents, ResponseActions responses, IncidentSearch search) {
        this.incidents = incidents;
        this.responses = responses;
        this.search = search;
    }

    @GetMapping("/incidents")
    String queue(Authentication authentication, Model model,
                 @RequestParam(required = false) String status,
                 @RequestParam(required = false) Integer severity,
                 @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "0") int page) {
        IncidentStatus wanted = status == null || status.isEmpty() ? null : IncidentStatus.fromWire(status).orElse(null);
        Integer level = severity != null && severity >= 1 && severity <= 5 ? severity : null;
        Viewer viewer = Viewer.of(authentication);
        String unit = viewer.scope().limited() ? viewer.scope().unitId() : null;
        model.addAttribute("page", Page.INCIDENTS);
        IncidentFilter filter = new IncidentFilter(wanted, level, null, unit, Math.max(page, 0), PAGE_SIZE);
        String text = q == null || q.isBlank() ? null : q;
        IncidentPage queue;
        try {
            // free text is answered by the search index (OpenSearch), the rest by SQL
            queue = text == null ? incidents.list(filter) : search.search(text, filter);
        } catch (IncidentException e) {
            model.addAttribute("error", e.code() == IncidentException.Code.SEARCH_UNAVAILABLE
                    ? "incidents.search.unavailable" : "incidents.error." + e.code().name());
            queue = new IncidentPage(List.of(), 0, filter.page(), filter.size());
        }
        model.addAttribute("queue", queue);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("statuses", Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wire).toList());
        model.addAttribute("severities", List.of(5, 4, 3, 2, 1));
        model.addAttribute("status", wanted == null ? "" : wanted.wire());
        model.addAttribute("severity", level);
        return "incidents/queue";
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable long id, Model model) {
        var detail = incidents.find(id).orElse(null);
        if (detail == null) {
            model.addAttribute("page", Page.INCIDENTS);
            model.addAttribute("missing", id);
            return "incidents/missing";
        }
        model.addAttribute("page", Page.INCIDENTS);
        model.addAttribute("detail", detail);
        model.addAttribute("next", detail.incident().next().stream().map(IncidentStatus::wire).toList());
        // response actions: what was taken, the site's isolation, whom a notification would reach, and a fresh
        // request key for this rendering's forms (a double click sends it twice and acts once)
        model.addAttribute("responseActions", responses.list(id));
        model.addAttribute("isolation", responses.isolation(detail.incident().siteId()).orElse(null));
        model.addAttribute("recipients", responses.recipients(detail.incident()).stream().map(InternetAddress::getAddress).toList());
        model.addAttribute("revocationAvailable", responses.revocationAvailable());
        model.addAttribute("notificationAvailable", responses.notificationAvailable());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("reasons", ResponsePagesController.reasons());
        return "incidents/incident";
    }

    @PostMapping("/incidents/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.acknowledge(id, authentication.getName(), null));
    }

    @PostMapping("/incidents/{id}/transition")
    String transition(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String note,
                      Authentication authentication, RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.transition(id, authentication.getName(),
                IncidentStatus.fromWire(to).orElseThrow(() -> new IncidentException(IncidentException.Code.INVALID_REQUEST, to)),
                note));
    }

    @PostMapping("/incidents/{id}/notes")
    String note(@PathVariable long id, @RequestParam String text, Authentication authentication, RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.note(id, authentication.getName(), text));
    }

    private static String act(long id, RedirectAttributes redirect, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", true);
        } catch (IncidentException e) {
            redirect.addFlashAttribute("error", "incidents.error." + e.code().name());
        }
        return "redirect:/incidents/" + id;
    }
}
