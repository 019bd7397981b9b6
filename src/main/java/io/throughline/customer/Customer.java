package io.throughline.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The unified customer record: every identity on every channel, and what the business's own systems say about them.
 * {@code mergedInto} names the customer a merge moved everything to; null for a customer in use.
 */
public record Customer(UUID id, String displayName, Map<String, Object> attributes, String preferredChannel,
                       List<Identity> identities, OffsetDateTime createdAt, UUID mergedInto) {

    /** The customer's plan (basic, plus, vip...) as the business keeps it in the attributes; null when unknown. */
    public String plan() {
        Object plan = attributes.get("plan");
        return plan == null ? null : plan.toString();
    }
}
