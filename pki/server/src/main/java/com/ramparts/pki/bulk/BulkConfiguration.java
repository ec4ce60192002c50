package com.ramparts.pki.bulk;

import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.ra.imports.Imports;
import com.ramparts.pki.ra.request.Requests;
import com.ramparts.pki.ra.unit.Units;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class BulkConfiguration {

    @Bean
    BulkIssuer bulkIssuer(DataSource dataSource, PlatformTransactionManager transactions, IssuanceService issuance, AuditLog audit,
                          PkiProperties properties, Clock clock) {
        PkiProperties.Bulk bulk = properties.ra().bulk();
        if (bulk.threads() < 0 || bulk.threads() > 64) {
            throw new IllegalStateException("ramparts.pki.ra.bulk.threads: between 0 (no worker on this instance) and 64");
        }
        if (bulk.pollInterval().isNegative() || bulk.pollInterval().isZero()) {
            throw new IllegalStateException("ramparts.pki.ra.bulk.poll-interval: must be positive");
        }
        return new BulkIssuer(new JdbcTemplate(dataSource), new TransactionTemplate(transactions), issuance, audit, bulk.threads(),
                bulk.pollInterval(), clock);
    }

    @Bean
    BulkJobs bulkJobs(DataSource dataSource, PlatformTransactionManager transactions, Imports imports, Units units, Profiles profiles,
                      Requests requests, AuditLog audit, CertificateAuthorities cas, BulkIssuer issuer, PkiProperties properties, Clock clock) {
        PkiProperties.Bulk bulk = properties.ra().bulk();
        try {
            profiles.require(bulk.profile());
        } catch (RuntimeException e) {
            throw new IllegalStateException("ramparts.pki.ra.bulk.profile: " + e.getMessage(), e);
        }
        int csrMax = (int) properties.csrMaxSize().toBytes();
        BulkUpload.Limits limits = new BulkUpload.Limits(bulk.maxEntries(), bulk.maxUncompressedSize().toBytes(),
                properties.ra().importMaxSize().toBytes(), csrMax);
        return new BulkJobs(new JdbcTemplate(dataSource), new TransactionTemplate(transactions), new BulkValidation(imports, units, profiles, csrMax),
                imports, profiles, cas, audit, bulk.profile(), requests::approvalsRequired, limits, issuer::wake, clock);
    }
}
