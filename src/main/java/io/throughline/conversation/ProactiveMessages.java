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

    ProactiveMessages(Customers customers, Conversations conversations, Messages messages, OutboundMessages outbound) {
        this.customers = customers;
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
        String channel = preferred ? null : messages.latestInboundChannel(conversationId).orElse(null);
        if (channel == null) {
            channel = channelFor(conversations.find(conversationId).orElseThrow().customerId());
        }
        return outbound.recordOn(conversationId, channel, Author.BOT, text, List.of());
    }

    /** The preferred channel when the customer has written on it (so there is an address), else their latest. */
    public String channelFor(UUID customerId) {
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new IllegalArgumentException("no customer " + customerId));
        List<String> written = messages.channelsOfCustomer(customerId);
        if (customer.preferredChannel() != null && written.contains(customer.preferredChannel())) {
            return customer.preferredChannel();
        }
        if (written.isEmpty()) {
            throw new IllegalStateException("customer " + customerId + " cannot be reached: they have not written on "
                    + "any channel yet, so no channel has their address");
        }
        return written.get(0);
    }
}
