package io.throughline.channel.messenger;

import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.Direction;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.customer.Customers;
import io.throughline.customer.Identity;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Applies a receipt that names no message, only a watermark: Messenger's read receipts always, its delivery receipts
 * from older clients. It covers every reply on the channel that went out to the customer by then, judged by when it was
 * sent (the send returned a little after Meta stamped it, so a reply sent in the same instant may wait for the next one).
 */
@Component
class Watermarks {

    private final Customers customers;
    private final Messages messages;
    private final OutboundMessages outbound;

    Watermarks(Customers customers, Messages messages, OutboundMessages outbound) {
        this.customers = customers;
        this.messages = messages;
        this.outbound = outbound;
    }

    /** How many replies the receipt moved forward or found already there. */
    int apply(String channel, Identity customer, Instant watermark, DeliveryStatus status) {
        return customers.findIdByIdentity(customer)
                .map(id -> (int) messages.visibleInOpenConversation(id).stream()
                        .filter(m -> covered(m, channel, watermark))
                        .filter(m -> outbound.applyDeliveryReport(channel, m.providerMessageId(), status))
                        .count())
                .orElse(0);
    }

    private static boolean covered(Message message, String channel, Instant watermark) {
        return message.direction() == Direction.OUT && channel.equals(message.channel())
                && message.providerMessageId() != null && message.visibleAt() != null
                && !message.visibleAt().toInstant().isAfter(watermark);
    }
}
