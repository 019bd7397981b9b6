package io.throughline.conversation;

import io.throughline.customer.Identity;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Where a reply on one channel goes: the address the customer last wrote from on it, what that message said about its
 * thread, and when it came (WhatsApp, for one, only takes free text within 24 hours of it).
 */
public record ReplyRoute(Identity recipient, Map<String, String> context, OffsetDateTime customerWroteAt) {

    public ReplyRoute {
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
