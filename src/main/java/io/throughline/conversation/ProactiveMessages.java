package io.throughline.conversation;

import io.throughline.customer.Customer;
import io.throughline.customer.Customers;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages the customer did not ask for (a welcome, a reminder, a follow-up), and the conversation they start. They go
 * on the customer's preferred channel when the customer can be reached there, else where they last wrote. Whether
 * WhatsApp may carry free text or only the approved template is the WhatsApp sender's call, by the customer's last
 * message on it.
 */
@Service
public class ProactiveMessages {

    private final Customers customers;
    private final Conversations conversations;
    private final Messages messages;
    private final OutboundMessages outbound;
    private final Reachability reachability;

    ProactiveMessages(Customers customers, Conversations conversations, Messages messages, OutboundMessages outbound,
                      Reachability reachability) {
        this.customers = customers;
        this.reachability = reachability;
        this.conversations = conversations;
        this.messages = messages;
        this.outbound = outbound;
    }

    /** The customer's open conversation, or a new one for a journey the business starts. */
    @Transactional
    public Conversation conversationFor(UUID customerId) {
        customers.lock(customerId);
        return conversations.lockOpenFor(customerId).orElseGet(() -> conversations.open(customerId));
    }

    /**
     * Records a bot message to send. {@code preferred}: on the customer's preferred channel (else their latest);
     * otherwise on the channel of the customer's latest message in this conversation, or their preferred one when
     * they have written nothing in it yet.
     */
    @Transactional
    public Message record(UUID conversationId, String text, boolean preferred) {
        String channel = preferred ? null : messages.latestInboundChannel(conversationId)
                .filter(latest -> reachability.reachable(conversationId, latest)).orElse(null);
        if (channel == null) {
            UUID customerId = conversations.find(conversationId).orElseThrow().customerId();
            try {
                channel = channelFor(customerId);
            } catch (OptedOutEverywhere optedOut) {
                // recorded all the same, where they last wrote: the Outbox marks it OPTED_OUT and sends nothing
                channel = messages.channelsOfCustomer(customerId).get(0);
            }
        }
        return outbound.recordOn(conversationId, channel, Author.BOT, text, List.of());
    }

    /**
     * The preferred channel when the customer has written on it (so there is an address), else their latest; in both
     * cases only a channel they did not opt out of.
     *
     * @throws OptedOutEverywhere when they opted out on every channel they wrote on
     */
    public String channelFor(UUID customerId) {
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new IllegalArgumentException("no customer " + customerId));
        List<String> written = messages.channelsOfCustomer(customerId);
        if (written.isEmpty()) {
            throw new IllegalStateException("customer " + customerId + " cannot be reached: they have not written on "
                    + "any channel yet, so no channel has their address");
        }
        List<String> reachable = reachability.reachableChannels(customerId);
        if (reachable.isEmpty()) {
            throw new OptedOutEverywhere("customer " + customerId + " opted out of messages on every channel they "
                    + "wrote on (" + String.join(", ", written) + "): nothing may be sent to them until they send START");
        }
        if (customer.preferredChannel() != null && reachable.contains(customer.preferredChannel())) {
            return customer.preferredChannel();
        }
        return reachable.get(0);
    }
}
