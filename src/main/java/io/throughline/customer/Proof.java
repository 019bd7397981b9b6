package io.throughline.customer;

/** How a customer proved an identity is theirs. An unproven claim (an address typed in a message) never links. */
public enum Proof {
    /** A one-time code sent to the address, typed back by the customer. */
    ONE_TIME_CODE,
    /** The business's own site vouched for the signed-in user with an HMAC of their address (the widget's identity). */
    SIGNED_IDENTITY;

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Proof fromKey(String key) {
        return valueOf(key.toUpperCase().replace('-', '_'));
    }
}
