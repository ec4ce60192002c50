package com.ramparts.soc.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.io.Serial;
import java.time.Instant;

/** The logged-in user as Spring Security holds it: the account's roles plus the unit it may be limited to. */
public final class SocUser extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Account account;

    SocUser(Account account, String passwordHash, Instant now) {
        super(account.username(), passwordHash, account.enabled(), true, true, !account.lockedAt(now),
                account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.account = account;
    }

    public Account account() {
        return account;
    }
}
