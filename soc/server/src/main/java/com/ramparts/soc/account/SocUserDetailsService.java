package com.ramparts.soc.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Spring Security's view of the accounts, for form login and HTTP basic alike. */
@Component
class SocUserDetailsService implements UserDetailsService {

    private final AccountStore store;
    private final Clock clock;

    SocUserDetailsService(AccountStore store) {
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return store.find(username)
                .map(stored -> new SocUser(stored.account(), stored.passwordHash(), clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
