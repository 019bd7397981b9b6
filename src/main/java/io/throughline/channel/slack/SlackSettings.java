package io.throughline.channel.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Slack app this application answers as.
 *
 * @param signingSecret the app's Signing Secret (Basic Information, App Credentials): Slack signs every request with it
 * @param botToken      the Bot User OAuth Token ({@code xoxb-...}) with the {@code chat:write} scope
 * @param apiBaseUrl    Slack's Web API host; tests point it at a local stand-in
 * @param timeout       how long one send may take, connecting and reading each
 */
@ConfigurationProperties("throughline.channels.slack")
public record SlackSettings(String signingSecret, String botToken, @DefaultValue("https://slack.com") String apiBaseUrl,
                            @DefaultValue("10s") Duration timeout) {

    /** The settings still to set for the channel to be on, as the operator writes them; empty when it is on. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (signingSecret == null || signingSecret.isBlank()) {
            missing.add("throughline.channels.slack.signing-secret");
        }
        if (botToken == null || botToken.isBlank()) {
            missing.add("throughline.channels.slack.bot-token");
        }
        return missing;
    }

    boolean on() {
        return missing().isEmpty();
    }

    String missingSettings() {
        return String.join(" and ", missing());
    }

    @Override
    public String toString() {
        return "SlackSettings[signingSecret=" + (signingSecret == null ? "none" : "***") + ", botToken="
                + (botToken == null ? "none" : "***") + ", apiBaseUrl=" + apiBaseUrl + ", timeout=" + timeout + "]";
    }
}
