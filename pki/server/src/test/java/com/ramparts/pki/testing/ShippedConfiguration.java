package com.ramparts.pki.testing;

import com.ramparts.pki.config.PkiProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The {@code ramparts.pki} configuration exactly as application.yml ships it, bound the way Spring Boot binds it. */
public final class ShippedConfiguration {

    private ShippedConfiguration() {
    }

    public static PkiProperties properties() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            StandardEnvironment environment = new StandardEnvironment();
            MutablePropertySources propertySources = environment.getPropertySources();
            sources.forEach(propertySources::addLast);
            return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("ramparts.pki", PkiProperties.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
