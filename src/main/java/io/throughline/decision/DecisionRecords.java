package io.throughline.decision;

import io.throughline.conversation.ConversationsErased;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The decisions kept on erased conversations go with them (they quote the customer's intent and details). */
@Component
class DecisionRecords {

    private final JdbcClient jdbc;

    DecisionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConversationsErased erased) {
        int removed = 0;
        for (UUID id : erased.conversationIds()) {
            removed += jdbc.sql("delete from decisions where conversation_id = ?").param(id).update();
        }
        erased.counts().add("decisions", removed);
    }
}
