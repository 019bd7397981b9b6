package io.throughline.channel.twilio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Twilio account the SMS channel uses ({@code throughline.channels.twilio.*}). Without the account SID, auth token
 * and sending number the channel is off.
 *
 * @param apiBaseUrl Twilio's REST API; tests point it at a local stand-in
 * @param timeout    connect and read timeout of a send
 */
@ConfigurationProperties("throughline.channels.twilio")
record TwilioSettings(String accountSid, String authToken, String fromNumber, String apiBaseUrl, Duration timeout) {

    static final String PREFIX = "throughline.channels.twilio.";

    TwilioSettings {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.twilio.com" : apiBaseUrl.strip();
        apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** The settings still to set, as an operator writes them; empty when the channel is on. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (blank(accountSid)) {
            missing.add(PREFIX + "account-sid");
        }
        if (blank(authToken)) {
            missing.add(PREFIX + "auth-token");
        }
        if (blank(fromNumber)) {
            missing.add(PREFIX + "from-number");
        }
        return missing;
    }

    boolean on() {
        return missing().isEmpty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", fromNumber=" + Sms.mask(fromNumber) + ", apiBaseUrl="
                + apiBaseUrl + ", timeout=" + timeout + "]"; // never the auth token
    }
}
