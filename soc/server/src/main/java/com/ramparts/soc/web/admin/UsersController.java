package com.ramparts.soc.web.admin;

import com.ramparts.soc.account.Accounts;
import com.ramparts.soc.account.InvalidAccountException;
import com.ramparts.soc.account.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Accounts, for the administrator. */
@Controller
class UsersController {

    /** What the form posts; the password is never sent back to the page. */
    record UserForm(String username, String password, List<Role> roles, String unitId) {
    }

    private final Accounts accounts;
    private final MessageSource messages;

    UsersController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", java.time.Instant.now());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForm("", null, List.of(), ""));
        }
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String save(UserForm form, Authentication authentication, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        Set<Role> roles = form.roles() == null || form.roles().isEmpty() ? Set.of() : EnumSet.copyOf(form.roles());
        try {
            accounts.save(form.username(), form.password(), roles, form.unitId(), authentication.getName());
        } catch (InvalidAccountException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", messages.getMessage(invalid.messageKey(), invalid.arguments(), LocaleContextHolder.getLocale()));
            model.addAttribute("form", new UserForm(form.username(), null, form.roles() == null ? List.of() : form.roles(), form.unitId()));
            return list(model);
        }
        redirect.addFlashAttribute("saved", form.username());
        return "redirect:/admin/users";
    }
}
