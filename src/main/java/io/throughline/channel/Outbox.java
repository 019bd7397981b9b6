package io.throughline.channel;

import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.conversation.ReplyRoute;
import io.throughline.customer.Consents;
import io.throughline.customer.Identity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands recorded replies to their channel's sender. Called from the journey's send job, which retries on failure.
 * With {@code throughline.channels.dry-run=true} (the replay's sandbox) no provider is called: a reply is only marked
 * sent, so everything else runs as it would.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Map<String, ChannelSender> senders;
    private final Messages messages;
    private final OutboundMessages outbound;
    private final Consents consents;
    private final boolean dryRun;

    Outbox(List<ChannelSender> senders, Messages messages, OutboundMessages outbound, Consents consents,
           @Value("${throughline.channels.dry-run:false}") boolean dryRun) {
        this.consents = consents;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.messages = messages;
        this.outbound = outbound;
        this.dryRun = dryRun;
        if (dryRun) {
            log.warn("channels are in dry-run: replies are recorded as sent, and no provider is called");
        }
    }

    /**
     * Sends the message unless it went out already: a retried job after a crash must not send it twice. A FAILED one is
     * sent: only a job whose last retry gave up runs again, when an operator retries it (a refused one's job completed). Returns the
     * provider's reason when it refused the message for good; the message is then FAILED and not tried again. Any other
     * failure is thrown, for the job to retry. A message to an address that opted out of its channel (STOP) is never
     * sent: it is marked OPTED_OUT, not retried, and not an incident (the customer's choice is no fault).
     */
    @Transactional
    public Optional<String> send(UUID messageId) throws Exception {
        return send(messageId, true);
    }

    /**
     * Sends the one message that goes out after an opt-out: its confirmation ("send START to resume"), which the
     * provider's rules expect. Anything else goes through {@link #send(UUID)}.
     */
    @Transactional
    public Optional<String> sendOptOutConfirmation(UUID messageId) throws Exception {
        return send(messageId, false);
    }

    private Optional<String> send(UUID messageId, boolean honourConsent) throws Exception {
        Message message = messages.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " to send"));
        // FAILED here means the last retry gave up and an operator retried the job once the provider was back
        if (message.deliveryStatus() != DeliveryStatus.QUEUED && message.deliveryStatus() != DeliveryStatus.FAILED) {
            log.info("message {} is {} already; not sending it again", messageId, message.deliveryStatus());
            return Optional.empty();
        }
        if (dryRun) {
            outbound.markSent(messageId, null);
            return Optional.empty();
        }
        ChannelSender sender = senders.get(message.channel());
        if (sender == null) {
            throw new IllegalStateException("no sender for channel '" + message.channel() + "' (message " + messageId
                    + "); is the channel configured?");
        }
        ReplyRoute route = messages.replyRoute(message.conversationId(), message.channel())
                .orElseThrow(() -> new IllegalStateException("message " + messageId + " is for " + message.channel()
                        + ", where the customer of conversation " + message.conversationId() + " has no address"));
        if (honourConsent && !consents.allows(route.recipient(), message.channel())) {
            log.info("message {} not sent: the customer opted out of {} at that address", messageId, message.channel());
            outbound.markOptedOut(messageId);
            return Optional.empty();
        }
        try {
            String providerId = sender.send(new OutboundDelivery(message.id(), message.text(), message.citations(),
                    route.recipient(), route.context(), route.customerWroteAt()));
            outbound.markSent(messageId, providerId);
            return Optional.empty();
        } catch (SendRefused refused) {
            log.warn("{} refused message {} for good, not retrying: {}", message.channel(), messageId, refused.getMessage());
            outbound.markFailed(messageId);
            return Optional.of(refused.getMessage());
        }
    }

    /** The last attempt failed: the conversation shows the reply as FAILED, whatever the job's own transaction does. */
    public void gaveUp(UUID messageId) {
        outbound.markFailedNow(messageId);
    }

    /** Sends a message outside any conversation (a one-time code, say) on the given channel, at once. */
    public String sendDirect(String channel, OutboundDelivery delivery) throws Exception {
        if (dryRun) {
            return null;
        }
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            throw new IllegalStateException("no sender for channel '" + channel + "'");
        }
        if (!allows(channel, delivery.recipient())) {
            throw new SendRefused("the customer opted out of " + channel + " at this address (STOP)");
        }
        return sender.send(delivery);
    }

    /** Whether this address takes messages on this channel: it did not opt out there. */
    public boolean allows(String channel, Identity recipient) {
        return consents.allows(recipient, channel);
    }

    /** Whether a sender for this channel exists (it may still be off for want of its secrets). */
    public boolean knows(String channel) {
        return senders.containsKey(channel);
    }
}
