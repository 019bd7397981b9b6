package io.throughline.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the Telegram settings and says once, at start-up, whether the channel is on. */
@Configuration
@EnableConfigurationProperties(TelegramSettings.class)
class TelegramConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

    TelegramConfiguration(TelegramSettings settings) {
        if (settings.on()) {
            log.info("the telegram channel is on: updates arrive at POST /webhooks/telegram, replies go to {}",
                    settings.apiBaseUrl());
        } else {
            log.info("the telegram channel is off: set {}", settings.missingSettings());
        }
    }
}
