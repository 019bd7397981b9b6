package io.throughline.channel.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code throughline.public-base-url}: where providers reach this application from the internet (scheme, host and any
 * path prefix a proxy adds). Twilio signs the URL it called, so the webhook checks signatures against this base, not
 * against what the servlet container sees behind a proxy.
 */
@ConfigurationProperties("throughline")
record PublicUrlSettings(String publicBaseUrl) {

    PublicUrlSettings {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl.strip();
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The public URL of a path of this application, such as {@code /webhooks/twilio/sms}. */
    String of(String path) {
        return publicBaseUrl + path;
    }
}
