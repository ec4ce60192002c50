package com.ramparts.pki.ra;

import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.ra.expiry.ExpiryReport;
import com.ramparts.pki.ra.expiry.Expiring;
import com.ramparts.pki.ra.imports.Imports;
import com.ramparts.pki.ra.request.Requests;
import com.ramparts.pki.ra.staff.StaffDirectory;
import com.ramparts.pki.ra.unit.Units;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class RaConfiguration {

    @Bean
    Units units(DataSource dataSource) {
        return new Units(dataSource);
    }

    @Bean
    StaffDirectory staffDirectory(DataSource dataSource) {
        return new StaffDirectory(dataSource);
    }

    @Bean
    Imports imports(Units units, StaffDirectory staff, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        return new Imports(units, staff, audit, new TransactionTemplate(transactions), clock);
    }

    @Bean
    Requests requests(DataSource dataSource, PlatformTransactionManager transactions, Units units, StaffDirectory staff, Profiles profiles,
                      IssuanceService issuance, CertificateInventory inventory, AuditLog audit, PkiProperties properties, Clock clock) {
        properties.ra().approvals().forEach((profile, count) -> {
            if (count == null || count < 0 || count > 5) {
                throw new IllegalStateException("ramparts.pki.ra.approvals." + profile + ": between 0 and 5 approvals");
            }
            profiles.require(profile);
        });
        return new Requests(new JdbcTemplate(dataSource), new TransactionTemplate(transactions), units, staff, profiles, issuance, inventory,
                audit, properties.ra().approvals(), (int) properties.csrMaxSize().toBytes(), clock);
    }

    @Bean
    Expiring expiring(DataSource dataSource, Clock clock) {
        return new Expiring(dataSource, clock);
    }

    @Bean
    ExpiryReport expiryReport(Expiring expiring, PkiProperties properties, Clock clock) {
        return new ExpiryReport(expiring, properties.ra().expiry().days(), properties.ra().expiry().cron(), clock);
    }
}
