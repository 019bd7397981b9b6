package io.throughline.channel;

import io.throughline.conversation.MessageCitation;
import io.throughline.customer.Identity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One message for a channel to put on the wire, with everything the provider's API asks for.
 *
 * @param messageId       the stored reply; also the idempotency key where the provider takes one. Null for a message
 *                        that is not part of a conversation, such as a one-time code proving a phone number
 * @param recipient       the customer's address on this channel
 * @param replyContext    what the customer's latest message on this channel said about its thread (see
 *                        {@link io.throughline.conversation.InboundMessage#replyContext()})
 * @param customerWroteAt when the customer last wrote on this channel; null when never (WhatsApp's 24-hour window)
 */
public record OutboundDelivery(UUID messageId, String text, List<MessageCitation> citations, Identity recipient,
                               Map<String, String> replyContext, OffsetDateTime customerWroteAt) {

    public OutboundDelivery {
        citations = citations == null ? List.of() : List.copyOf(citations);
        replyContext = replyContext == null ? Map.of() : Map.copyOf(replyContext);
    }

    /** A message outside any conversation, to an address the customer has not written from yet. */
    public static OutboundDelivery direct(Identity recipient, String text) {
        return new OutboundDelivery(null, text, List.of(), recipient, Map.of(), null);
    }
}
