package com.ramparts.soc.response;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.site.SiteRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Properties;

@Configuration(proxyBeanMethods = false)
class ResponseConfiguration {

    @Bean
    PkiRevocations pkiRevocations(SocProperties properties) {
        return new PkiRevocations(properties.response().pki());
    }

    @Bean
    UnitNotifier unitNotifier(SocProperties properties, MessageSource messages) {
        return new UnitNotifier(mailSender(properties.response().mail()), properties.response(), messages);
    }

    @Bean
    ResponseActions responseActions(JdbcClient jdbc, TransactionTemplate transactions, Incidents incidents, SiteRegistry sites,
                                    PkiRevocations pki, UnitNotifier notifier, ApplicationEventPublisher events,
                                    SocProperties properties) {
        return new ResponseActions(jdbc, transactions, incidents, sites, pki, notifier, events, properties.response(),
                Clock.systemUTC());
    }

    /** Built from soc's own settings rather than spring.mail.*, so all of soc's configuration stays in one place. */
    static JavaMailSenderImpl mailSender(SocProperties.Mail mail) {
        if (!mail.configured()) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        sender.setDefaultEncoding("UTF-8");
        if (mail.username() != null && !mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        Properties smtp = new Properties();
        String millis = Long.toString(mail.timeout().toMillis());
        smtp.put("mail.smtp.connectiontimeout", millis);
        smtp.put("mail.smtp.timeout", millis);
        smtp.put("mail.smtp.writetimeout", millis);
        smtp.put("mail.smtp.auth", Boolean.toString(mail.username() != null && !mail.username().isBlank()));
        if (mail.startTls()) {
            smtp.put("mail.smtp.starttls.enable", "true");
            smtp.put("mail.smtp.starttls.required", "true");
        }
        sender.setJavaMailProperties(smtp);
        return sender;
    }
}
