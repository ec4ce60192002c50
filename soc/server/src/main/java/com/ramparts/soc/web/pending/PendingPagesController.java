package com.ramparts.soc.web.pending;

import com.ramparts.soc.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** One honest placeholder per page whose backend does not exist yet. */
@Controller
class PendingPagesController {

    @GetMapping("/rules")
    String rules(Model model) {
        return pending(model, Page.RULES, "pending.rules");
    }

    @GetMapping("/certificates")
    String certificates(Model model) {
        return pending(model, Page.CERTIFICATES, "pending.certificates");
    }

    @GetMapping("/requests")
    String requests(Model model) {
        return pending(model, Page.REQUESTS, "pending.requests");
    }

    @GetMapping("/drills")
    String drills(Model model) {
        return pending(model, Page.DRILLS, "pending.drills");
    }

    /** {@code <key>.what} says what the page will do, {@code <key>.arrives} which capability brings it. */
    private static String pending(Model model, Page page, String key) {
        model.addAttribute("page", page);
        model.addAttribute("what", key + ".what");
        model.addAttribute("arrives", key + ".arrives");
        return "pending";
    }
}
