package io.throughline;

import io.throughline.eval.Replay;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Throughline: every customer message, on every channel, through one journey engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ThroughlineApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(Replay.main(ThroughlineApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(ThroughlineApplication.class, args);
    }
}
