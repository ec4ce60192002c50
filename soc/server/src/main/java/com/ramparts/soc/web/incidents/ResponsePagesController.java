package com.ramparts.soc.web.incidents;

import com.ramparts.soc.incident.IncidentDetail;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.response.ActionRecord;
import com.ramparts.soc.response.ActionRequest;
import com.ramparts.soc.response.ResponseAction;
import com.ramparts.soc.response.ResponseActions;
import com.ramparts.soc.response.ResponseException;
import com.ramparts.soc.web.Page;
import jakarta.mail.internet.InternetAddress;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * Response actions from the incident page, in two steps: the action's form asks for a confirmation (a panel htmx
 * swaps into the page, or a page of its own without JavaScript) that says exactly what will happen; only the
 * confirmation's form acts. Both carry the request key of the page's rendering, so a double click acts once.
 */
@Controller
class ResponsePagesController {

    private final Incidents incidents;
    private final ResponseActions responses;

    ResponsePagesController(Incidents incidents, ResponseActions responses) {
        this.incidents = incidents;
        this.responses = responses;
    }

    @PostMapping("/incidents/{id}/actions/confirm")
    String confirm(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String serial,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String message,
                   @RequestParam String requestKey, @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model) {
        IncidentDetail detail = incidents.find(id).orElse(null);
        if (detail == null) {
            model.addAttribute("page", Page.INCIDENTS);
            model.addAttribute("missing", id);
            return "incidents/missing";
        }
        model.addAttribute("page", Page.INCIDENTS);
        model.addAttribute("i", detail.incident());
        model.addAttribute("action", ResponseAction.fromWire(action).map(ResponseAction::wire).orElse(null));
        model.addAttribute("serial", serial == null ? "" : serial.strip());
        model.addAttribute("reason", reason == null || reason.isBlank() ? "keyCompromise" : reason);
        model.addAttribute("message", message == null ? "" : message);
        model.addAttribute("requestKey", requestKey);
        model.addAttribute("recipients", String.join(", ",
                responses.recipients(detail.incident()).stream().map(InternetAddress::getAddress).toList()));
        return htmx != null ? "incidents/confirm :: panel" : "incidents/confirm";
    }

    @PostMapping("/incidents/{id}/actions")
    String take(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String serial,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String message,
                @RequestParam(required = false) String requestKey, @RequestParam(defaultValue = "false") boolean confirm,
                Authentication authentication, RedirectAttributes redirect) {
        try {
            ActionRecord record = responses.take(id, authentication.getName(),
                    new ActionRequest(action, serial, reason, message, requestKey, confirm));
            redirect.addFlashAttribute("responseDone", record.repeated() ? "incidents.response.repeated" : "incidents.response.done");
        } catch (ResponseException e) {
            redirect.addFlashAttribute("error", "response.error." + e.code().name());
            redirect.addFlashAttribute("errorDetail", e.getMessage());
        }
        return "redirect:/incidents/" + id;
    }

    static List<String> reasons() {
        return List.of("keyCompromise", "privilegeWithdrawn", "cessationOfOperation", "affiliationChanged", "superseded", "unspecified");
    }
}
