package com.ramparts.soc.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creating and changing accounts, with the rules every account must follow. */
@Service
public class Accounts {

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final AccountProperties properties;

    Accounts(AccountStore store, PasswordEncoder encoder, AccountProperties properties) {
        this.store = store;
        this.encoder = encoder;
        this.properties = properties;
    }

    public Optional<Account> find(String username) {
        return store.find(username).map(AccountStore.Stored::account);
    }

    public List<Account> all() {
        return store.all();
    }

    /**
     * Creates an account, or replaces an existing one's password, roles and unit.
     *
     * @throws InvalidAccountException naming the rule the input broke
     */
    public Account save(String username, String password, Set<Role> roles, String unitId, String actor) {
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        if (username == null || !Account.USERNAME.matcher(username).matches()) {
            throw new InvalidAccountException("account.invalid.username");
        }
        if (roles == null || roles.isEmpty()) {
            throw new InvalidAccountException("account.invalid.roles");
        }
        if (roles.contains(Role.REQUESTER) && unit == null) {
            throw new InvalidAccountException("account.invalid.unitRequired");
        }
        if (unit != null && !Account.UNIT_ID.matcher(unit).matches()) {
            throw new InvalidAccountException("account.invalid.unit");
        }
        if (password == null || password.length() < properties.minPasswordLength() || password.length() > 1024) {
            throw new InvalidAccountException("account.invalid.password", properties.minPasswordLength());
        }
        boolean existed = store.find(username).isPresent();
        Account account = new Account(username, roles, unit, true, 0, null);
        store.save(account, encoder.encode(password));
        store.audit(username, existed ? "ACCOUNT_CHANGED" : "ACCOUNT_CREATED", "by " + actor + ", roles " + roles + ", unit " + unit);
        return account;
    }

    /** Makes sure the administrator from the credentials file exists, is enabled, holds ADMIN and has that password. */
    void ensureAdministrator(String username, String password) {
        Optional<AccountStore.Stored> stored = store.find(username);
        if (stored.isPresent() && stored.get().account().enabled() && stored.get().account().roles().contains(Role.ADMIN)
                && encoder.matches(password, stored.get().passwordHash())) {
            return;
        }
        Set<Role> roles = new HashSet<>(stored.map(s -> s.account().roles()).orElse(Set.of()));
        roles.add(Role.ADMIN);
        String unit = stored.map(s -> s.account().unitId()).orElse(null);
        store.save(new Account(username, roles, unit, true, 0, null), encoder.encode(password));
        store.audit(username, stored.isPresent() ? "ADMIN_UPDATED" : "ADMIN_CREATED", "from the administrator credentials file");
    }
}
