package com.ramparts.soc.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Login protection, under {@code ramparts.soc.accounts}.
 *
 * @param maxFailedLogins consecutive failed logins after which an account is locked
 * @param lockDuration how long it stays locked (a correct password does not open it earlier)
 * @param minPasswordLength shortest password accepted for a new or changed account
 */
@Validated
@ConfigurationProperties("ramparts.soc.accounts")
public record AccountProperties(@Min(1) @Max(100) @DefaultValue("5") int maxFailedLogins,
                                @NotNull @DefaultValue("15m") Duration lockDuration,
                                @Min(8) @Max(128) @DefaultValue("12") int minPasswordLength) {
    public AccountProperties {
        if (lockDuration != null && lockDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lock-duration must be at least 1s, was " + lockDuration);
        }
    }
}
