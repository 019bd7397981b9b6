package io.throughline.conversation;

import io.throughline.customer.Consents;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which channels may carry a message to a customer: those they wrote on (so there is an address) and did not opt out of
 * at that address. A reply goes where the customer is, unless they said STOP there; then on another channel they use.
 */
@Component
public class Reachability {

    private final Messages messages;
    private final Consents consents;

    Reachability(Messages messages, Consents consents) {
        this.messages = messages;
        this.consents = consents;
    }

    /** Whether a reply in this conversation may go on this channel, to the address it would go to. */
    public boolean reachable(UUID conversationId, String channel) {
        return messages.replyRoute(conversationId, channel)
                .map(route -> consents.allows(route.recipient(), channel)).orElse(false);
    }

    /** The first of the customer's channels, most recent first, that a reply in this conversation may go on. */
    Optional<String> firstReachable(UUID conversationId, UUID customerId) {
        return messages.channelsOfCustomer(customerId).stream().filter(c -> reachable(conversationId, c)).findFirst();
    }

    /** The customer's channels, most recent first, that a message the business starts may go on. */
    List<String> reachableChannels(UUID customerId) {
        return messages.channelsOfCustomer(customerId).stream()
                .filter(channel -> messages.latestSender(customerId, channel)
                        .map(address -> consents.allows(address, channel)).orElse(false))
                .toList();
    }
}
