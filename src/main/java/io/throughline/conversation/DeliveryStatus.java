package io.throughline.conversation;

/**
 * Where a message stands on its way: inbound ones are RECEIVED; outbound ones go QUEUED, then SENT, then DELIVERED and
 * READ as the provider reports it, or FAILED. OPTED_OUT: never sent, because the customer opted out of messages to
 * that address on that channel (STOP). Provider reports only ever move a message forward.
 */
public enum DeliveryStatus {
    RECEIVED, QUEUED, SENT, DELIVERED, READ, FAILED, OPTED_OUT;

    /** Whether a provider's report of {@code next} tells something new: reports arrive late and out of order. */
    public boolean advancesTo(DeliveryStatus next) {
        if (this == FAILED || this == RECEIVED || this == OPTED_OUT) {
            return false;
        }
        if (next == OPTED_OUT) {
            return false;
        }
        return next == FAILED ? this != READ && this != DELIVERED : next.ordinal() > ordinal();
    }
}
