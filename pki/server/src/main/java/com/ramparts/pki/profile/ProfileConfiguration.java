package com.ramparts.pki.profile;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.stream.Collectors;

@Configuration(proxyBeanMethods = false)
class ProfileConfiguration {

    @Bean
    Profiles profiles(PkiProperties properties, CertificateAuthorities cas) {
        return Profiles.compile(properties.profiles(), cas.all().stream().map(CaSigner::name).collect(Collectors.toSet()));
    }
}
