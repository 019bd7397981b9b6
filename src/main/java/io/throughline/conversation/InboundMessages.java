package io.throughline.conversation;

import io.throughline.customer.ConsentKeyword;
import io.throughline.customer.Consents;
import io.throughline.customer.Customers;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one door every customer message comes in by, whatever the channel. */
@Service
public class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    private final Customers customers;
    private final Conversations conversations;
    private final Messages messages;
    private final ConversationEvents events;
    private final ApplicationEventPublisher publisher;
    private final Consents consents;

    InboundMessages(Customers customers, Conversations conversations, Messages messages, ConversationEvents events,
                    ApplicationEventPublisher publisher, Consents consents) {
        this.customers = customers;
        this.consents = consents;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.publisher = publisher;
    }

    /**
     * Accepts a verified message in one transaction: dedupe, resolve the customer, append to their open conversation
     * and, through {@link MessageAccepted}, start or wake their journey. Returns at once: the journey runs as a job.
     * The customer's row is held for the transaction, so the same message arriving twice at once is still seen once.
     */
    @Transactional
    public Accepted accept(InboundMessage inbound) {
        UUID customerId = customers.resolveLocked(inbound.sender(), inbound.senderName());
        var known = messages.findByProviderId(inbound.channel(), inbound.providerMessageId());
        if (known.isPresent()) {
            return new Accepted(customerId, known.get().conversationId(), known.get().id(), true);
        }
        Conversation conversation = conversations.lockOpenFor(customerId)
                .or(() -> ratingAnswered(customerId, inbound))
                .orElseGet(() -> conversations.open(customerId));
        Message message = messages.appendInbound(conversation.id(), inbound);
        events.record(conversation.id(), ConversationEvents.Type.MESSAGE_IN, inbound.channel(), null);
        publisher.publishEvent(new MessageAccepted(customerId, conversation.id(), message.id(), inbound.channel()));
        publisher.publishEvent(new TranscriptChanged(customerId, conversation.id(), message.id()));
        log.info("accepted {} message {} into conversation {}", inbound.channel(), message.id(), conversation.id());
        return new Accepted(customerId, conversation.id(), message.id(), false);
    }

    /**
     * A rating (such as "5" or "4 - quick and friendly") while the last resolved conversation asks for one belongs to
     * that conversation, whose journey records it. Anything else opens a new conversation.
     */
    private Optional<Conversation> ratingAnswered(UUID customerId, InboundMessage inbound) {
        if (inbound.text() == null || Rating.parse(inbound.text()).isEmpty()) {
            return Optional.empty();
        }
        return conversations.lockAwaitingRatingFor(customerId);
    }

    /**
     * Accepts a message that is a consent keyword (STOP, START...) sent from {@code inbound.sender()} on its channel: the
     * consent is recorded on that address and channel, and the message kept in the transcript as read, so no journey
     * starts, wakes or answers it. With no conversation open, it lands in one of its own, ended at once.
     */
    @Transactional
    public Accepted acceptConsent(InboundMessage inbound, ConsentKeyword keyword) {
        UUID customerId = customers.resolveLocked(inbound.sender(), inbound.senderName());
        var known = messages.findByProviderId(inbound.channel(), inbound.providerMessageId());
        if (known.isPresent()) {
            return new Accepted(customerId, known.get().conversationId(), known.get().id(), true);
        }
        consents.record(inbound.sender(), inbound.channel(), keyword);
        Optional<Conversation> open = conversations.lockOpenFor(customerId);
        Conversation conversation = open.orElseGet(() -> conversations.open(customerId));
        Message message = messages.appendInbound(conversation.id(), inbound);
        messages.markHandled(List.of(message.id()));
        events.record(conversation.id(), keyword.optsOut() ? ConversationEvents.Type.OPTED_OUT
                : ConversationEvents.Type.OPTED_IN, inbound.channel(), keyword.name());
        if (open.isEmpty()) {
            String resolution = keyword.optsOut() ? "opted-out" : "opted-in";
            conversations.resolve(conversation.id(), resolution);
            events.record(conversation.id(), ConversationEvents.Type.RESOLVED, null, resolution);
        }
        publisher.publishEvent(new TranscriptChanged(customerId, conversation.id(), message.id()));
        log.info("{} on {}: consent recorded from message {} in conversation {}", keyword, inbound.channel(),
                message.id(), conversation.id());
        return new Accepted(customerId, conversation.id(), message.id(), false);
    }

    /** The customer's messages the journey has not read yet, oldest first, marked read as they are handed over. */
    @Transactional
    public List<Message> takeUnread(UUID conversationId) {
        List<Message> unread = messages.unhandled(conversationId);
        messages.markHandled(unread.stream().map(Message::id).toList());
        return unread;
    }

    /**
     * Whether the customer wrote something the journey has not read. Holds the conversation until the transaction
     * ends: a journey that sees nothing and goes to wait commits before any wake-up can look for it.
     */
    @Transactional
    public boolean hasUnread(UUID conversationId) {
        conversations.lock(conversationId);
        return !messages.unhandled(conversationId).isEmpty();
    }
}
