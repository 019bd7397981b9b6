package io.throughline.conversation;

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
        conversations.lock(conversationId);
        if (!messages.unhandled(conversationId).isEmpty()) {
            return false;
        }
        if (conversations.resolve(conversationId, resolution)) {
            events.record(conversationId, ConversationEvents.Type.RESOLVED, null, resolution);
        }
        return true;
    }
}
