package io.throughline.channel.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram bot this application answers as.
 *
 * @param botToken    the token BotFather gave the bot; it is part of every Bot API URL, so it is never logged
 * @param secretToken the {@code secret_token} given to setWebhook, which Telegram sends back in the
 *                    {@code X-Telegram-Bot-Api-Secret-Token} header of every update
 * @param apiBaseUrl  the Bot API server; tests point it at a local stand-in
 * @param timeout     how long one send may take, connecting and reading each
 */
@ConfigurationProperties("throughline.channels.telegram")
public record TelegramSettings(String botToken, String secretToken,
                               @DefaultValue("https://api.telegram.org") String apiBaseUrl,
                               @DefaultValue("10s") Duration timeout) {

    /** The settings still to set for the channel to be on, as the operator writes them; empty when it is on. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (botToken == null || botToken.isBlank()) {
            missing.add("throughline.channels.telegram.bot-token");
        }
        if (secretToken == null || secretToken.isBlank()) {
            missing.add("throughline.channels.telegram.secret-token");
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
        return "TelegramSettings[botToken=" + (botToken == null ? "none" : "***") + ", secretToken="
                + (secretToken == null ? "none" : "***") + ", apiBaseUrl=" + apiBaseUrl + ", timeout=" + timeout + "]";
    }
}
