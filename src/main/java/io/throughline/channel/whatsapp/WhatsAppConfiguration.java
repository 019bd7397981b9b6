package io.throughline.channel.whatsapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the WhatsApp settings and says once, at start-up, when the channel is off or cannot answer late. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WhatsAppSettings.class)
class WhatsAppConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppConfiguration.class);

    WhatsAppConfiguration(WhatsAppSettings settings) {
        if (!settings.on()) {
            log.info("the whatsapp channel is off: set {}", settings.missingSettings());
        } else if (!settings.hasTemplate()) {
            log.info("the whatsapp channel has no template: a reply more than 24 hours after the customer's last "
                    + "message cannot be sent; set throughline.channels.whatsapp.template-name to an approved template "
                    + "with one body parameter");
        }
    }
}
