package io.throughline.channel.messenger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messenger and Instagram ({@code THROUGHLINE_CHANNELS_MESSENGER_*} in the environment). Off until the first three are
 * set.
 *
 * @param appSecret       the Meta app's secret: webhooks are signed with it (X-Hub-Signature-256)
 * @param verifyToken     any string; typed into the app dashboard too, Meta sends it back when it checks the webhook URL
 * @param pageAccessToken the Page's access token (pages_messaging, and instagram_manage_messages for the Instagram
 *                        professional account linked to the Page)
 * @param apiBaseUrl      the Graph API
 * @param apiVersion      the Graph API version in the path
 * @param timeout         connect and read timeout of a send
 */
@ConfigurationProperties("throughline.channels.messenger")
record MessengerSettings(String appSecret, String verifyToken, String pageAccessToken,
                         @DefaultValue("https://graph.facebook.com") String apiBaseUrl,
                         @DefaultValue(MessengerSettings.DEFAULT_API_VERSION) String apiVersion,
                         @DefaultValue("10s") Duration timeout) {

    /** The Graph API version Meta's current examples use. */
    static final String DEFAULT_API_VERSION = "v25.0";
    private static final String PREFIX = "throughline.channels.messenger.";

    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (blank(appSecret)) {
            missing.add(PREFIX + "app-secret");
        }
        if (blank(verifyToken)) {
            missing.add(PREFIX + "verify-token");
        }
        if (blank(pageAccessToken)) {
            missing.add(PREFIX + "page-access-token");
        }
        return missing;
    }

    boolean on() {
        return missing().isEmpty();
    }

    String missingSettings() {
        return String.join(" and ", missing());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
