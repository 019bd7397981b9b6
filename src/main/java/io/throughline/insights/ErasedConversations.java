package io.throughline.insights;

import io.throughline.conversation.ConversationsErased;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes erased conversations from the read model (a row keeps the customer's CSAT comment, among others), in the
 * erasure's own transaction: after it commits, no report can find them.
 */
@Component
class ErasedConversations {

    private final JdbcClient jdbc;

    ErasedConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConversationsErased erased) {
        // a fold at work holds this row while it reads the timeline and writes rows: wait for it, or it could write
        // back a row for a conversation that is going (and a later fold finds the timeline gone)
        jdbc.sql("select last_event_id from insights_folds where name = 'conversations' for update").query(Long.class).list();
        int removed = 0;
        for (UUID id : erased.conversationIds()) {
            removed += jdbc.sql("delete from insights_conversations where conversation_id = ?").param(id).update();
        }
        erased.counts().add("insightsRows", removed);
    }
}
