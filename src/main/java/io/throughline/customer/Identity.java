package io.throughline.customer;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** One address of a customer on one kind of channel, normalised so the same person always yields the same identity. */
public record Identity(IdentityType type, String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Identity {
        Objects.requireNonNull(type, "type");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an identity needs a value");
        }
        value = normalise(type, value.strip());
    }

    public static Identity visitor(String visitorId) {
        return new Identity(IdentityType.VISITOR, visitorId);
    }

    /** Parses {@code type:value}, the form the customers API takes. */
    public static Identity parse(String typeAndValue) {
        int colon = typeAndValue.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("identity must look like type:value, for example email:ann@example.com");
        }
        return new Identity(IdentityType.fromKey(typeAndValue.substring(0, colon)), typeAndValue.substring(colon + 1));
    }

    private static String normalise(IdentityType type, String value) {
        return switch (type) {
            case EMAIL, VISITOR -> value.toLowerCase(Locale.ROOT);
            case PHONE -> {
                String digits = value.replaceAll("[\\s().-]", "");
                if (!E164.matcher(digits).matches()) {
                    throw new IllegalArgumentException("a phone identity must be in E.164 form, like +4915112345678");
                }
                yield digits;
            }
            default -> value;
        };
    }

    @Override
    public String toString() {
        return type.key() + ":" + value;
    }
}
