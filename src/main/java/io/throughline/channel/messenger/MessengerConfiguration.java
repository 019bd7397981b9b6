package io.throughline.channel.messenger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelSender;
import io.throughline.channel.meta.GraphApi;
import io.throughline.conversation.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Binds the settings, says once at start-up when the channel is off, and makes one sender per channel. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessengerSettings.class)
class MessengerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessengerConfiguration.class);

    @Bean
    SendApi messengerSendApi(MessengerSettings settings, RestClient.Builder rest, ObjectMapper json) {
        if (!settings.on()) {
            log.info("the messenger channel (Messenger and Instagram) is off: set {}", settings.missingSettings());
        }
        return new SendApi(settings,
                new GraphApi("Messenger Send API", rest, json, settings.apiBaseUrl(), settings.timeout()), json);
    }

    @Bean
    ChannelSender messengerSender(MessengerSettings settings, SendApi api, Messages messages) {
        return new MessengerSender(Platform.MESSENGER, settings, api, messages);
    }

    @Bean
    ChannelSender instagramSender(MessengerSettings settings, SendApi api, Messages messages) {
        return new MessengerSender(Platform.INSTAGRAM, settings, api, messages);
    }
}
