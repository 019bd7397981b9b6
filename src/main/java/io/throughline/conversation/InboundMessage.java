package io.throughline.conversation;

import io.throughline.customer.Identity;
import java.util.Objects;

/**
 * A message a channel adapter has verified and parsed, ready for {@link InboundMessages#accept}.
 *
 * @param providerMessageId the channel's own id for the message; with the channel it is the dedupe key
 * @param senderName        the name the channel gives the sender, if any
 */
public record InboundMessage(String channel, String providerMessageId, Identity sender, String senderName, String text) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }
}
