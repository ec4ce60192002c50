package com.ramparts.soc.web;

import com.ramparts.soc.account.Account;
import com.ramparts.soc.account.Role;
import com.ramparts.soc.account.SocUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Who is looking at a page: name, roles and the scope of data they may see. */
public record Viewer(String username, Set<Role> roles, Scope scope) {

    public static Viewer of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SocUser user) {
            Account account = user.account();
            return new Viewer(account.username(), account.roles(),
                    account.limitedToUnit() ? Scope.unit(account.unitId()) : Scope.EVERYTHING);
        }
        // any other principal (none in production) gets its roles but, if a requester, no unit: it sees nothing
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (authentication != null) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority.getAuthority())).forEach(roles::add);
            }
        }
        Account probe = new Account("?", roles, null, true, 0, null);
        return new Viewer(authentication == null ? "" : authentication.getName(), Set.copyOf(roles),
                probe.limitedToUnit() || roles.isEmpty() ? Scope.unit(null) : Scope.EVERYTHING);
    }

    public List<Page> pages() {
        return Arrays.stream(Page.values()).filter(page -> page.openTo(roles)).toList();
    }
}
