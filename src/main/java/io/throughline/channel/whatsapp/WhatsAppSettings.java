package io.throughline.channel.whatsapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WhatsApp Cloud API channel ({@code THROUGHLINE_CHANNELS_WHATSAPP_*} in the environment). Off until the first four
 * are set.
 *
 * @param appSecret        the Meta app's secret: webhooks are signed with it (X-Hub-Signature-256)
 * @param verifyToken      any string; typed into the app dashboard too, Meta sends it back when it checks the webhook URL
 * @param accessToken      a system user's access token with whatsapp_business_messaging
 * @param phoneNumberId    the business phone number's id (not the number itself); replies go out from it
 * @param apiBaseUrl       the Graph API
 * @param apiVersion       the Graph API version in the path
 * @param templateName     the approved template with one body parameter ({{1}}) used outside the 24-hour window
 * @param templateLanguage the template's language and locale code
 * @param timeout          connect and read timeout of a send
 */
@ConfigurationProperties("throughline.channels.whatsapp")
record WhatsAppSettings(String appSecret, String verifyToken, String accessToken, String phoneNumberId,
                        @DefaultValue("https://graph.facebook.com") String apiBaseUrl,
                        @DefaultValue(WhatsAppSettings.DEFAULT_API_VERSION) String apiVersion,
                        String templateName,
                        @DefaultValue("en_US") String templateLanguage,
                        @DefaultValue("10s") Duration timeout) {

    /** The version Meta's WhatsApp Cloud API reference uses in its examples. */
    static final String DEFAULT_API_VERSION = "v25.0";
    private static final String PREFIX = "throughline.channels.whatsapp.";

    /** The settings still missing for the channel to be on, by their full names; empty when it is on. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (blank(appSecret)) {
            missing.add(PREFIX + "app-secret");
        }
        if (blank(verifyToken)) {
            missing.add(PREFIX + "verify-token");
        }
        if (blank(accessToken)) {
            missing.add(PREFIX + "access-token");
        }
        if (blank(phoneNumberId)) {
            missing.add(PREFIX + "phone-number-id");
        }
        return missing;
    }

    boolean on() {
        return missing().isEmpty();
    }

    String missingSettings() {
        return String.join(" and ", missing());
    }

    boolean hasTemplate() {
        return !blank(templateName);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
