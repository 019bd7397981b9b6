package io.throughline.conversation;

import io.throughline.customer.Identity;
import java.util.Map;
import java.util.Objects;

/**
 * A message a channel adapter has verified and parsed, ready for {@link InboundMessages#accept}.
 *
 * @param providerMessageId the channel's own id for the message; with the channel it is the dedupe key
 * @param senderName        the name the channel gives the sender, if any
 * @param replyContext      what a reply needs besides the sender's address to land in the same place: an email's
 *                          Message-ID and subject, a Slack channel and thread; empty for most channels
 */
public record InboundMessage(String channel, String providerMessageId, Identity sender, String senderName, String text,
                             Map<String, String> replyContext) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        replyContext = replyContext == null ? Map.of() : Map.copyOf(replyContext);
    }

    public InboundMessage(String channel, String providerMessageId, Identity sender, String senderName, String text) {
        this(channel, providerMessageId, sender, senderName, text, Map.of());
    }
}
