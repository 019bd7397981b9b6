package io.throughline.channel.webchat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web chat's settings.
 *
 * @param identitySecret the secret the business's own site signs its signed-in user's email address with
 *                       ({@code userHash = hex(HMAC-SHA256(secret, email))}); unset, signed identity is off
 */
@ConfigurationProperties("throughline.channels.webchat")
public record WebChatSettings(String identitySecret) {

    boolean signedIdentityOn() {
        return identitySecret != null && !identitySecret.isBlank();
    }
}
