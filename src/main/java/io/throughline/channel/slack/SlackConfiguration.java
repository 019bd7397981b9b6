package io.throughline.channel.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the Slack settings and says once, at start-up, whether the channel is on. */
@Configuration
@EnableConfigurationProperties(SlackSettings.class)
class SlackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

    SlackConfiguration(SlackSettings settings) {
        if (settings.on()) {
            log.info("the slack channel is on: events arrive at POST /webhooks/slack, replies go to {}",
                    settings.apiBaseUrl());
        } else {
            log.info("the slack channel is off: set {}", settings.missingSettings());
        }
    }
}
