package com.ramparts.pki.audit;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    @DependsOnDatabaseInitialization
    AuditLog auditLog(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        return new AuditLog(dataSource, transactions, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    AuditCheckpoints auditCheckpoints(DataSource dataSource, PlatformTransactionManager transactions, CertificateAuthorities cas,
                                      PkiProperties properties, Clock clock) {
        String ca = properties.audit().checkpointCa();
        if (ca != null && cas.find(ca).isEmpty()) {
            throw new IllegalStateException("ramparts.pki.audit.checkpoint-ca: no CA named '" + ca + "' is configured");
        }
        return new AuditCheckpoints(dataSource, transactions, cas, ca, clock);
    }

    @Bean
    AuditListeners auditListeners(AuditLog auditLog, AuditCheckpoints checkpoints, PkiProperties properties) {
        return new AuditListeners(auditLog, checkpoints, properties);
    }

    /** Signs a checkpoint every checkpoint-interval (and shortly after start). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService auditCheckpointSchedule(AuditCheckpoints checkpoints, PkiProperties properties) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("audit-checkpoint").factory());
        long every = properties.audit().checkpointInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                checkpoints.checkpoint();
            } catch (RuntimeException e) {
                log.error("Cannot sign an audit checkpoint; retrying in {}", properties.audit().checkpointInterval(), e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return executor;
    }

    @Bean
    @DependsOnDatabaseInitialization
    @ConditionalOnExpression("!'${ramparts.pki.audit.kafka.bootstrap-servers:}'.isBlank()")
    AuditPublisher auditPublisher(DataSource dataSource, PlatformTransactionManager transactions, PkiProperties properties) {
        PkiProperties.AuditKafka kafka = properties.audit().kafka();
        log.info("Publishing the audit log to Kafka topic {} at {}", kafka.topic(), kafka.bootstrapServers());
        return new AuditPublisher(dataSource, transactions, kafka.bootstrapServers(), kafka.topic());
    }

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnExpression("!'${ramparts.pki.audit.kafka.bootstrap-servers:}'.isBlank()")
    ScheduledExecutorService auditPublishSchedule(AuditPublisher publisher, PkiProperties properties) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("audit-kafka").factory());
        long every = properties.audit().kafka().interval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                publisher.publishPending();
            } catch (RuntimeException e) {
                log.warn("Cannot publish the audit log to Kafka yet (will retry): {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return executor;
    }
}
