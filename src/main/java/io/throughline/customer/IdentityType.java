package io.throughline.customer;

import java.util.Arrays;

/** The ways a customer can be known, one per kind of channel address. WhatsApp and SMS share {@link #PHONE}. */
public enum IdentityType {
    VISITOR, EMAIL, PHONE, TELEGRAM, MESSENGER, INSTAGRAM, SLACK;

    /** The lower-case name used in the API, as in {@code email:ann@example.com}. */
    public String key() {
        return name().toLowerCase();
    }

    public static IdentityType fromKey(String key) {
        return Arrays.stream(values())
                .filter(type -> type.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown identity type '" + key + "'; use one of visitor, email, phone, telegram, messenger, instagram, slack"));
    }
}
