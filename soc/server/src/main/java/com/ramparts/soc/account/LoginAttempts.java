package com.ramparts.soc.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Counts failed logins (form and HTTP basic alike), locks an account after
 * {@code accounts.max-failed-logins} in a row for {@code accounts.lock-duration}, and writes each
 * failure, lock and success to the account audit trail. Unknown user names are counted in the metric
 * only: there is nothing to lock.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final AccountStore store;
    private final AccountProperties properties;
    private final Counter failures;
    private final Counter lockouts;
    private final Counter refusedWhileLocked;

    LoginAttempts(AccountStore store, AccountProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.failures = Counter.builder("ramparts.soc.login.failures").description("logins refused for a wrong user name or password").register(meters);
        this.lockouts = Counter.builder("ramparts.soc.login.lockouts").description("accounts locked after too many failed logins").register(meters);
        this.refusedWhileLocked = Counter.builder("ramparts.soc.login.locked.refusals").description("logins refused because the account was locked").register(meters);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failures.increment();
        String username = event.getAuthentication().getName();
        int count = store.recordFailure(username, properties.maxFailedLogins(), Instant.now().plus(properties.lockDuration()));
        if (count == 0) {
            return;
        }
        store.audit(username, "LOGIN_FAILED", "attempt " + count + " of " + properties.maxFailedLogins());
        if (count >= properties.maxFailedLogins()) {
            lockouts.increment();
            store.audit(username, "LOCKED", "for " + properties.lockDuration() + " after " + count + " failed logins");
            log.warn("Account {} locked for {} after {} failed logins", username, properties.lockDuration(), count);
        }
    }

    @EventListener
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        refusedWhileLocked.increment();
        store.audit(event.getAuthentication().getName(), "LOGIN_REFUSED_LOCKED", null);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        store.clearFailures(event.getAuthentication().getName());
    }
}
