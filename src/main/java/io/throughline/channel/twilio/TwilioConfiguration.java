package io.throughline.channel.twilio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TwilioSettings.class, PublicUrlSettings.class})
class TwilioConfiguration {
}
