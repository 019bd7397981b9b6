package io.throughline.channel;

/**
 * The provider refused a message for good: a 4xx that no retry can change (an invalid number, a blocked bot, a
 * recipient outside the messaging window). The reply is marked FAILED at once and the journey raises an incident,
 * instead of retrying for minutes. Timeouts, 5xx, 408 and 429 are not this: they are thrown as they are, and retried.
 */
public class SendRefused extends RuntimeException {

    public SendRefused(String message) {
        super(message);
    }

    /** Whether an HTTP status means "do not try again": every 4xx but 408 (timeout) and 429 (slow down). */
    public static boolean isPermanent(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
