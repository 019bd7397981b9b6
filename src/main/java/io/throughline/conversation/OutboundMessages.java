package io.throughline.conversation;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies to the customer. A reply is first recorded (one row per answer, whatever happens on the wire), then sent by
 * its channel; the stream shows it once it is sent.
 */
@Service
public class OutboundMessages {

    private final Conversations conversations;
    private final Messages messages;
    private final ConversationEvents events;
    private final ApplicationEventPublisher publisher;
    private final Reachability reachability;

    OutboundMessages(Conversations conversations, Messages messages, ConversationEvents events,
                     ApplicationEventPublisher publisher, Reachability reachability) {
        this.conversations = conversations;
        this.reachability = reachability;
        this.messages = messages;
        this.events = events;
        this.publisher = publisher;
    }

    /**
     * Records a reply on the channel the customer last wrote on, queued for sending. A conversation that a customer
     * merge closed hands the reply on to the one its messages went to, so a journey still at work on it (or an agent's
     * task from before the merge) answers into the one transcript.
     */
    @Transactional
    public Message record(UUID replyTo, Author author, String text, List<MessageCitation> citations) {
        UUID conversationId = conversations.current(replyTo);
        return recordOn(conversationId, replyChannel(conversationId), author, text, citations);
    }

    /**
     * Records a message on the given channel, queued for sending: a follow-up on the preferred channel, an answer the
     * rules moved to another channel. It goes to the customer's latest address on that channel (see
     * {@link Messages#replyRoute}); into the conversation a customer merge moved this one's messages to, if any.
     */
    @Transactional
    public Message recordOn(UUID replyTo, String channel, Author author, String text, List<MessageCitation> citations) {
        UUID conversationId = conversations.current(replyTo);
        Message message = messages.append(conversationId, Direction.OUT, author, channel, null, text, citations,
                DeliveryStatus.QUEUED);
        events.record(conversationId, ConversationEvents.Type.MESSAGE_OUT, channel, author.key());
        if (author == Author.AGENT) {
            events.record(conversationId, ConversationEvents.Type.AGENT_REPLY, channel, null);
        }
        return message;
    }

    @Transactional
    public void markSent(UUID messageId, String providerMessageId) {
        Message message = messages.find(messageId).orElseThrow();
        messages.markSent(messageId, providerMessageId);
        if (!events.happened(message.conversationId(), ConversationEvents.Type.FIRST_RESPONSE)) {
            events.record(message.conversationId(), ConversationEvents.Type.FIRST_RESPONSE, message.channel(), message.author().key());
        }
        UUID customerId = conversations.find(message.conversationId()).orElseThrow().customerId();
        publisher.publishEvent(new TranscriptChanged(customerId, message.conversationId(), messageId));
    }

    @Transactional
    public void markFailed(UUID messageId) {
        messages.markFailed(messageId);
    }

    /** Marks the reply FAILED in a transaction of its own, which stands even when the caller's is rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void markFailedNow(UUID messageId) {
        messages.markFailed(messageId);
    }

    /**
     * Applies a provider's delivery report (delivered, read, failed) to the reply it names. Reports come late, twice
     * and out of order, so only one that moves the message forward changes it; an unknown id is reported as false.
     */
    @Transactional
    public boolean applyDeliveryReport(String channel, String providerMessageId, DeliveryStatus reported) {
        var message = messages.findOutboundByProviderId(channel, providerMessageId);
        if (message.isEmpty()) {
            return false;
        }
        if (message.get().deliveryStatus().advancesTo(reported)) {
            messages.updateStatus(message.get().id(), reported);
        }
        return true;
    }

    /**
     * The channel of the customer's latest message: replies go where the customer is. Unless they opted out there: then
     * the most recent other channel they wrote on and did not opt out of; with none, the latest still, where the
     * Outbox will refuse it (OPTED_OUT) so the transcript shows the reply that could not go.
     */
    private String replyChannel(UUID conversationId) {
        String latest = messages.latestInboundChannel(conversationId).orElseThrow(() ->
                new IllegalStateException("conversation " + conversationId + " has no customer message to reply to"));
        if (reachability.reachable(conversationId, latest)) {
            return latest;
        }
        UUID customerId = conversations.find(conversationId).orElseThrow().customerId();
        return reachability.firstReachable(conversationId, customerId).orElse(latest);
    }

    /** The customer opted out of this message's address and channel: it is never sent. */
    @Transactional
    public void markOptedOut(UUID messageId) {
        messages.updateStatus(messageId, DeliveryStatus.OPTED_OUT);
    }
}
