package io.throughline.conversation;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends conversations; the customer's next message then opens a new one. */
@Service
public class Resolutions {

    private final Conversations conversations;
    private final Messages messages;
    private final ConversationEvents events;

    Resolutions(Conversations conversations, Messages messages, ConversationEvents events) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
    }

    /**
     * Records how the conversation ended, unless the customer has written something nobody has read yet: then it stays
     * open and the caller goes back to reading. Resolving one that already ended changes nothing.
     *
     * @return whether the conversation is resolved now
     */
    @Transactional
    public boolean resolveUnlessCustomerWrote(UUID conversationId, String resolution) {
        return resolveUnlessCustomerWrote(conversationId, resolution, false);
    }

    /**
     * As {@link #resolveUnlessCustomerWrote(UUID, String)}; with {@code keepOpenForRating} the resolution is recorded
     * (the RESOLVED event, when KPIs count it) but the conversation stays open while the customer is asked for a rating,
     * so their answer lands in it: a rating, or a new question that reopens it. {@link #close} ends it afterwards.
     */
    @Transactional
    public boolean resolveUnlessCustomerWrote(UUID conversationId, String resolution, boolean keepOpenForRating) {
        conversations.lock(conversationId);
        if (!messages.unhandled(conversationId).isEmpty()) {
            return false;
        }
        if (keepOpenForRating) {
            if (conversations.find(conversationId).orElseThrow().isOpen()) {
                events.record(conversationId, ConversationEvents.Type.RESOLVED, null, resolution);
            }
        } else if (conversations.resolve(conversationId, resolution)) {
            events.record(conversationId, ConversationEvents.Type.RESOLVED, null, resolution);
        }
        return true;
    }

    /**
     * Ends a conversation whose resolution is recorded already (kept open for its rating), with that resolution; the
     * customer's next message opens a new one. Unless they wrote something nobody has read yet.
     *
     * @return whether the conversation is closed now
     */
    @Transactional
    public boolean close(UUID conversationId) {
        conversations.lock(conversationId);
        if (!messages.unhandled(conversationId).isEmpty()) {
            return false;
        }
        List<String> resolutions = events.details(conversationId, ConversationEvents.Type.RESOLVED);
        conversations.resolve(conversationId, resolutions.isEmpty() ? "closed" : resolutions.get(resolutions.size() - 1));
        return true;
    }
}
