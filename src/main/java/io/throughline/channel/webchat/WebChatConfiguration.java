package io.throughline.channel.webchat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds web chat's settings ({@code throughline.channels.webchat.*}). */
@Configuration
@EnableConfigurationProperties(WebChatSettings.class)
class WebChatConfiguration {
}
