package io.throughline.conversation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /**
     * As {@link #resolveUnlessCustomerWrote(UUID, String)}, and the customer is about to be asked for a rating: for
     * {@code ratingWindow} a rating they send lands in this conversation (see {@link InboundMessages#accept}); anything
     * else they write opens a new one, as after any resolution. {@link #close} ends the wait.
     */
    @Transactional
    public boolean resolveUnlessCustomerWrote(UUID conversationId, String resolution, Duration ratingWindow) {
        boolean resolved = resolveUnlessCustomerWrote(conversationId, resolution);
        if (resolved && ratingWindow != null) {
            conversations.awaitRating(conversationId, OffsetDateTime.now(ZoneOffset.UTC).plus(ratingWindow));
        }
        return resolved;
    }

    /**
     * Ends the wait for a rating: the customer's next message opens a new conversation. Unless a rating they sent has
     * not been read yet.
     *
     * @return whether the wait is over
     */
    @Transactional
    public boolean close(UUID conversationId) {
        conversations.lock(conversationId);
        if (!messages.unhandled(conversationId).isEmpty()) {
            return false;
        }
        conversations.stopAwaitingRating(conversationId);
        return true;
    }
}
