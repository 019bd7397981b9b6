package io.throughline.channel.messenger;

import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.ChannelSender;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.meta.ReplyText;
import io.throughline.conversation.Author;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies on Messenger or Instagram (one instance per channel, one Send API). Within 24 hours of the customer's
 * last message a reply is a {@code RESPONSE}. After that only a person may answer, for 7 days, with the
 * {@code HUMAN_AGENT} message tag (Meta's message tag policy: automated messages may not use it), so a bot's late reply
 * fails and becomes an incident rather than breaking the policy.
 */
class MessengerSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(MessengerSender.class);
    static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

    private final Platform platform;
    private final MessengerSettings settings;
    private final SendApi api;
    private final Messages messages;

    MessengerSender(Platform platform, MessengerSettings settings, SendApi api, Messages messages) {
        this.platform = platform;
        this.settings = settings;
        this.api = api;
        this.messages = messages;
    }

    @Override
    public String channel() {
        return platform.channel;
    }

    @Override
    public String send(OutboundDelivery delivery) {
        if (!settings.on()) {
            throw new ChannelNotConfiguredException(platform.channel, settings.missingSettings());
        }
        if (delivery.recipient().type() != platform.identityType) {
            throw new IllegalArgumentException("a " + platform.channel + " message goes to a " + platform.identityType.key()
                    + " id, not to " + delivery.recipient().type().key());
        }
        String text = ReplyText.compose(delivery.text(), delivery.citations(), platform.textSize, platform.maxText);
        Duration since = delivery.customerWroteAt() == null ? null
                : Duration.between(delivery.customerWroteAt(), OffsetDateTime.now());
        String id;
        if (since != null && since.compareTo(STANDARD_WINDOW) < 0) {
            id = api.sendText(delivery.recipient().value(), text, "RESPONSE", null);
        } else if (since != null && since.compareTo(HUMAN_AGENT_WINDOW) < 0 && byAgent(delivery)) {
            id = api.sendText(delivery.recipient().value(), text, "MESSAGE_TAG", "HUMAN_AGENT");
        } else {
            throw new IllegalStateException("message " + delivery.messageId() + " cannot go out on " + platform.channel
                    + ": the customer " + (since == null ? "has not written there"
                    : "last wrote there at " + delivery.customerWroteAt() + ", more than 24 hours ago")
                    + "; after 24 hours Meta only lets a person answer, within 7 days, with the HUMAN_AGENT tag. "
                    + "Answer as an agent, or on another channel");
        }
        log.info("sent {} reply {} as {}{}", platform.channel, delivery.messageId(), id,
                since != null && since.compareTo(STANDARD_WINDOW) >= 0 ? " (HUMAN_AGENT tag)" : "");
        return id;
    }

    private boolean byAgent(OutboundDelivery delivery) {
        return delivery.messageId() != null
                && messages.find(delivery.messageId()).map(Message::author).filter(a -> a == Author.AGENT).isPresent();
    }
}
