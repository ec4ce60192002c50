package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.soc.unit.UnitDirectory;
import com.ramparts.soc.unit.UnitSync;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class PostureConfiguration {

    /** The system clock, unless the context has a {@link Clock} bean (tests pin time with one). */
    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    PostureStore postureStore(JdbcClient jdbc, TransactionTemplate transactions) {
        return new PostureStore(jdbc, transactions);
    }

    @Bean
    PostureService postureService(PostureStore store, SiteRegistry sites, UnitDirectory units, UnitSync sync, SocProperties properties,
                                  ObjectProvider<Clock> clock) {
        return new PostureService(store, sites, units, sync, properties.posture(), clock(clock));
    }

    @Bean
    PostureSnapshots postureSnapshots(JdbcClient jdbc, TransactionTemplate transactions, PostureService service,
                                      SocProperties properties) {
        return new PostureSnapshots(jdbc, transactions, service, properties.posture().snapshotInterval(),
                properties.posture().historyRetention());
    }

    @Bean
    PostureSnapshotSchedule postureSnapshotSchedule(PostureSnapshots snapshots, SocProperties properties) {
        return new PostureSnapshotSchedule(snapshots, properties.posture().snapshotInterval(), properties.posture().enabled());
    }

    @Bean
    PostureConsumer postureConsumer(SocProperties properties, PostureStore store, ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new PostureConsumer(properties, store, clock(clock), meters);
    }
}
