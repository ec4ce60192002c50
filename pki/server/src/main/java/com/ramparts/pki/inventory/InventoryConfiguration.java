package com.ramparts.pki.inventory;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

    /** Created after Flyway has migrated the schema, since services use it while starting (OCSP responder keys). */
    @Bean
    @DependsOnDatabaseInitialization
    CertificateInventory certificateInventory(DataSource dataSource) {
        return new CertificateInventory(dataSource);
    }
}
