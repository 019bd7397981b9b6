package io.throughline.channel.webchat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WebChatSettings.class)
class WebChatConfiguration {
}
