package com.ramparts.soc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SocApplication {

    public static void main(String[] args) {
        SpringApplication.run(SocApplication.class, args);
    }
}
