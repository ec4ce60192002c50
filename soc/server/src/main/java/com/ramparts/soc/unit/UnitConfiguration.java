package com.ramparts.soc.unit;

import com.ramparts.soc.config.SocProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class UnitConfiguration {

    @Bean
    UnitStore unitStore(JdbcClient jdbc, TransactionTemplate transactions) {
        return new UnitStore(jdbc, transactions);
    }

    @Bean
    UnitDirectory unitDirectory(UnitStore store, SocProperties properties) {
        return new UnitDirectory(store, Clock.systemUTC(), properties.units().expiringWithin());
    }

    @Bean
    UnitSync unitSync(UnitStore store, UnitDirectory directory, SocProperties properties, MeterRegistry meters) {
        SocProperties.Units units = properties.units();
        // the token is read at every sync, so a rotated token file is used without a restart
        return new UnitSync(() -> new PkiClient(units.pkiUrl(), UnitSync.readToken(units.pkiTokenFile()), units.requestTimeout(),
                units.maxResponseSize().toBytes()), store, directory, Clock.systemUTC(), units.expiringWithin(), units.districtDepth(), meters);
    }

    @Bean
    UnitSyncSchedule unitSyncSchedule(UnitSync sync, UnitDirectory directory, SocProperties properties) {
        return new UnitSyncSchedule(sync, directory, properties.units().syncInterval(), properties.units().syncEnabled());
    }
}
