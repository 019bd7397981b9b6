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
 * from older clients. Meta: "all messages that were sent before or at this timestamp were read", the timestamp being
 * Meta's own stamp of the latest message read. Meta stamps a reply between our recording it and the send returning, so a
 * reply counts as covered when it went out and was recorded by the watermark: judged by when the send returned, the
 * latest reply would never be covered.
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
                && !message.createdAt().toInstant().isAfter(watermark);
    }
}
