package io.throughline.channel;

import io.throughline.conversation.Conversations;
import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.customer.Customers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hands recorded replies to their channel's sender. Called from the journey's send job, which retries on failure. */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Map<String, ChannelSender> senders;
    private final Messages messages;
    private final Conversations conversations;
    private final Customers customers;
    private final OutboundMessages outbound;

    Outbox(List<ChannelSender> senders, Messages messages, Conversations conversations, Customers customers,
           OutboundMessages outbound) {
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.messages = messages;
        this.conversations = conversations;
        this.customers = customers;
        this.outbound = outbound;
    }

    /** Sends the message unless it went out already: a retried job after a crash must not send it twice. */
    @Transactional
    public void send(UUID messageId) throws Exception {
        Message message = messages.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " to send"));
        if (message.deliveryStatus() != DeliveryStatus.QUEUED) {
            log.info("message {} is {} already; not sending it again", messageId, message.deliveryStatus());
            return;
        }
        ChannelSender sender = senders.get(message.channel());
        if (sender == null) {
            throw new IllegalStateException("no sender for channel '" + message.channel() + "' (message " + messageId
                    + "); is the channel configured?");
        }
        var conversation = conversations.find(message.conversationId()).orElseThrow();
        var customer = customers.find(conversation.customerId()).orElseThrow();
        String providerId = sender.send(message, customer);
        outbound.markSent(messageId, providerId);
    }
}
