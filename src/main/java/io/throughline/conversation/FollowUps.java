package io.throughline.conversation;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A follow-up when the customer went quiet, on their preferred channel, recorded for the KPIs. */
@Service
public class FollowUps {

    private final ProactiveMessages proactive;
    private final ConversationEvents events;

    FollowUps(ProactiveMessages proactive, ConversationEvents events) {
        this.proactive = proactive;
        this.events = events;
    }

    /** Records the follow-up to send and a FOLLOW_UP event naming its channel. */
    @Transactional
    public Message followUp(UUID conversationId, String text) {
        Message message = proactive.record(conversationId, text, true);
        events.record(conversationId, ConversationEvents.Type.FOLLOW_UP, message.channel(),
                "{\"channel\":\"" + message.channel() + "\"}");
        return message;
    }
}
