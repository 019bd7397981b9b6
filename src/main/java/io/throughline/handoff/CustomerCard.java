package io.throughline.handoff;

import io.throughline.customer.Customer;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.customer.KnownIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The customer as the agent reads them: name, where they can be reached (and which of those addresses they proved, so
 * the agent knows whom they may tell about an account), and what the business's systems say.
 */
final class CustomerCard {

    static final String UNNAMED = "Unnamed customer";

    private CustomerCard() {
    }

    /** The card, with the identities as the customer holds them: a proven one says so. */
    static String of(Customer customer, List<KnownIdentity> identities) {
        List<String> lines = new ArrayList<>();
        lines.add(name(customer));
        lines.add("Reached on: " + (identities.isEmpty() ? "—"
                : identities.stream().map(CustomerCard::shown).collect(Collectors.joining(" · "))));
        if (customer.attributes().isEmpty()) {
            lines.add("No attributes from your systems yet");
        } else {
            lines.addAll(Readable.lines(planFirst(customer.attributes())));
        }
        if (customer.preferredChannel() != null) {
            lines.add("Prefers: " + customer.preferredChannel());
        }
        lines.add("Record: /api/customers/" + customer.id());
        return String.join("\n", lines);
    }

    static String name(Customer customer) {
        String name = customer.displayName();
        return name == null || name.isBlank() ? UNNAMED : name.strip();
    }

    /**
     * An identity as the agent sees it. A web visitor's id is the bearer secret of their chat: whoever has it reads and
     * writes as them, and task variables are kept in history, so the agent sees only that the customer chats on the web.
     */
    static String shown(KnownIdentity known) {
        Identity identity = known.identity();
        String shown = switch (identity.type()) {
            case VISITOR -> "web chat visitor (id hidden)";
            case PHONE -> "phone " + identity.value() + " (WhatsApp, SMS)";
            case EMAIL -> "email " + identity.value();
            case TELEGRAM -> "Telegram chat " + identity.value();
            case MESSENGER -> "Messenger user " + identity.value();
            case INSTAGRAM -> "Instagram user " + identity.value();
            case SLACK -> "Slack user " + identity.value();
            default -> identity.type().key() + " " + identity.value();
        };
        return known.verified() && identity.type() != IdentityType.VISITOR ? shown + ", proven" : shown;
    }

    private static Map<String, Object> planFirst(Map<String, Object> attributes) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (attributes.containsKey("plan")) {
            ordered.put("plan", attributes.get("plan"));
        }
        ordered.putAll(attributes);
        return ordered;
    }
}
