package io.throughline.conversation;

/**
 * Where a message stands on its way: inbound ones are RECEIVED; outbound ones go QUEUED, then SENT, then DELIVERED and
 * READ as the provider reports it, or FAILED. Provider reports only ever move a message forward.
 */
public enum DeliveryStatus {
    RECEIVED, QUEUED, SENT, DELIVERED, READ, FAILED;

    /** Whether a provider's report of {@code next} tells something new: reports arrive late and out of order. */
    public boolean advancesTo(DeliveryStatus next) {
        if (this == FAILED || this == RECEIVED) {
            return false;
        }
        return next == FAILED ? this != READ && this != DELIVERED : next.ordinal() > ordinal();
    }
}
