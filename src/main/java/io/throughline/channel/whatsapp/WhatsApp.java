package io.throughline.channel.whatsapp;

import io.throughline.web.ApiException;
import org.springframework.http.HttpStatus;

/** WhatsApp's names and limits. */
final class WhatsApp {

    static final String CHANNEL = "whatsapp";
    /** A text message's body: at most 4,096 characters (Cloud API, text messages). */
    static final int MAX_TEXT = 4_096;
    /**
     * A template's body parameter: 1,024 characters when the template has other components, 32,768 when the body is
     * its only one (Cloud API, template parameter object). 1,024 fits every template.
     */
    static final int MAX_TEMPLATE_PARAMETER = 1_024;

    private WhatsApp() {
    }

    static ApiException off(WhatsAppSettings settings) {
        return new ApiException(HttpStatus.NOT_FOUND, "the whatsapp channel is off: set " + settings.missingSettings(),
                null);
    }

    /** A phone number fit for an INFO log line: +49******678. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
    }
}
