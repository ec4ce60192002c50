package com.ramparts.soc.account;

import com.ramparts.runtime.secrets.AdminCredentials;
import com.ramparts.soc.config.SocProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The first administrator: read from the credentials file (created with a random password on first
 * start) and made an enabled ADMIN account with that password at every start, so the file stays the
 * way back in.
 */
@Component
class BootstrapAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final SocProperties properties;
    private final Accounts accounts;

    BootstrapAdministrator(SocProperties properties, Accounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        AdminCredentials.Loaded loaded = AdminCredentials.loadOrCreate(properties.adminCredentialsFile());
        if (loaded.created()) {
            log.info("Generated the first administrator's credentials in {}", properties.adminCredentialsFile());
        }
        accounts.ensureAdministrator(loaded.credentials().username(), loaded.credentials().password());
    }
}
