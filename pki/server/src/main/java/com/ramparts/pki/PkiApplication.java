package com.ramparts.pki;

import com.ramparts.pki.cli.PkiCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * One jar, two uses: {@code java -jar ramparts-pki.jar ca init-root ...} runs the {@code pki} command
 * line (no Spring, no database: ceremonies happen on offline machines); anything else, including no
 * arguments or Spring's {@code --key=value} options, starts the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PkiApplication {

    public static void main(String[] args) {
        if (PkiCli.handles(args)) {
            System.exit(PkiCli.run(args));
        }
        SpringApplication.run(PkiApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
