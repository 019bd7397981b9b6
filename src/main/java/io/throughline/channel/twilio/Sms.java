package io.throughline.channel.twilio;

/** The SMS channel's names. */
final class Sms {

    static final String CHANNEL = "sms";
    static final String WEBHOOK_PATH = "/webhooks/twilio/sms";
    static final String STATUS_PATH = WEBHOOK_PATH + "/status";

    private Sms() {
    }

    /** A phone number fit for a log line: the country code and the last three digits, as in +49******678. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
    }
}
