package io.throughline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Throughline: every customer message, on every channel, through one journey engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ThroughlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThroughlineApplication.class, args);
    }
}
