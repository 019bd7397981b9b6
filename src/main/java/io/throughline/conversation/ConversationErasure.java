package io.throughline.conversation;

import io.throughline.customer.privacy.ErasedCounts;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes conversations with everything in them: messages (and the reply routes they carry), the timeline with notes,
 * leads and ratings, and, through {@link ConversationsErased}, what other modules keep per conversation.
 */
@Service
public class ConversationErasure {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    ConversationErasure(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Transactional
    public void erase(List<UUID> conversationIds, ErasedCounts counts) {
        if (conversationIds.isEmpty()) {
            return;
        }
        publisher.publishEvent(new ConversationsErased(List.copyOf(conversationIds), counts));
        int messages = 0;
        int events = 0;
        int conversations = 0;
        for (UUID id : conversationIds) {
            messages += jdbc.sql("delete from messages where conversation_id = ?").param(id).update();
            events += jdbc.sql("delete from conversation_events where conversation_id = ?").param(id).update();
            // a conversation a merge closed into this one would point nowhere
            jdbc.sql("update conversations set merged_into = null where merged_into = ?").param(id).update();
            conversations += jdbc.sql("delete from conversations where id = ?").param(id).update();
        }
        counts.add("messages", messages);
        counts.add("events", events);
        counts.add("conversations", conversations);
    }
}
