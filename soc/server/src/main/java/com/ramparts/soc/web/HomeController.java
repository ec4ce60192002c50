package com.ramparts.soc.web;

import com.ramparts.soc.account.AccountProperties;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The login page, and "/" sending each viewer to the first page its roles open. */
@Controller
class HomeController {

    private final AccountProperties accounts;

    HomeController(AccountProperties accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("maxFailedLogins", accounts.maxFailedLogins());
        model.addAttribute("lockMinutes", Math.max(1, accounts.lockDuration().toMinutes()));
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        List<Page> pages = Viewer.of(authentication).pages();
        return pages.isEmpty() ? "no-pages" : "redirect:" + pages.getFirst().path();
    }
}
