package io.throughline.journey;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where journeys come from, how long they wait, and how sure the intent must be before one takes a conversation.
 *
 * @param processesDir   the BPMN journeys, deployed at start-up
 * @param formsDir       the Camunda Forms their human tasks use, deployed with them
 * @param idleTimeout    how long a journey waits for the customer's next message before it resolves (ISO-8601 duration)
 * @param routeFromScore the intent score from which general support hands the conversation to that intent's journey
 *                       (pre-sales, onboarding, troubleshooting, booking); below it general support answers itself, so
 *                       a how-to question that merely resembles onboarding gets its answer, not a welcome
 */
@ConfigurationProperties("throughline.journey")
public record JourneySettings(Path processesDir, Path formsDir, String idleTimeout, double routeFromScore) {

    @ConstructorBinding
    public JourneySettings(@DefaultValue("processes") Path processesDir, @DefaultValue("forms") Path formsDir,
                           @DefaultValue("PT24H") String idleTimeout, @DefaultValue("0.75") double routeFromScore) {
        this.processesDir = processesDir;
        this.formsDir = formsDir;
        this.idleTimeout = idleTimeout;
        this.routeFromScore = routeFromScore;
    }

    public JourneySettings(Path processesDir, Path formsDir, String idleTimeout) {
        this(processesDir, formsDir, idleTimeout, 0.75);
    }
}
