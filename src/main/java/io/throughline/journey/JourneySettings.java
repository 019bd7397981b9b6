package io.throughline.journey;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where journeys come from and how long they wait.
 *
 * @param processesDir the BPMN journeys, deployed at start-up
 * @param formsDir     the Camunda Forms their human tasks use, deployed with them
 * @param idleTimeout  how long a journey waits for the customer's next message before it resolves (ISO-8601 duration)
 */
@ConfigurationProperties("throughline.journey")
public record JourneySettings(@DefaultValue("processes") Path processesDir, @DefaultValue("forms") Path formsDir,
                              @DefaultValue("PT24H") String idleTimeout) {}
