package com.ramparts.pki.crl;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class CrlConfiguration {

    @Bean
    CrlPublisher crlPublisher(CertificateAuthorities cas, CertificateInventory inventory, DataSource dataSource,
                              PlatformTransactionManager transactions, PublicationPoints points, PkiProperties properties, Clock clock) {
        PkiProperties.Crl crl = properties.crl();
        if (!crl.checkInterval().isPositive() || !crl.validity().isPositive() || !crl.delta().validity().isPositive()) {
            throw new IllegalStateException("ramparts.pki.crl: validity, check-interval and delta.validity must be positive");
        }
        return new CrlPublisher(cas, inventory, new JdbcTemplate(dataSource), new TransactionTemplate(transactions), points,
                properties.dataDir().resolve("crl"), crl, clock);
    }
}
