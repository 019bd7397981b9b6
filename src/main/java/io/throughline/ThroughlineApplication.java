package io.throughline;

import io.throughline.journey.ValidateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Throughline: every customer message, on every channel, through one journey engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ThroughlineApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ValidateCommand.NAME)) {
            // checks processes/, rules/ and forms/ without starting the application (see README, "Validate")
            System.exit(ValidateCommand.run(args, System.out));
        }
        SpringApplication.run(ThroughlineApplication.class, args);
    }
}
