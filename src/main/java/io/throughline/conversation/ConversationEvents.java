package io.throughline.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The timeline KPIs are derived from: message in and out, first response, handoff, agent reply, resolution, and which
 * journey started (its process key in {@code detail}).
 */
@Repository
public class ConversationEvents {

    public enum Type { MESSAGE_IN, MESSAGE_OUT, FIRST_RESPONSE, HANDOFF, AGENT_REPLY, AGENT_NOTE, RESOLVED, JOURNEY_STARTED }

    private final JdbcClient jdbc;

    ConversationEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID conversationId, Type type, String channel, String detail) {
        jdbc.sql("insert into conversation_events (conversation_id, event_type, channel, detail, occurred_at) values (?, ?, ?, ?, ?)")
                .params(conversationId, type.name(), channel, detail, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    boolean happened(UUID conversationId, Type type) {
        return jdbc.sql("select count(*) from conversation_events where conversation_id = ? and event_type = ?")
                .params(conversationId, type.name()).query(Integer.class).single() > 0;
    }
}
