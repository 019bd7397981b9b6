package io.throughline.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The timeline KPIs are derived from: message in and out, first response, handoff, agent reply, resolution, and what the
 * journeys record. Details: {@code HANDOFF} "queue: reasons"; {@code JOURNEY_STARTED} the process key; {@code CSAT}
 * JSON {@code {"score":1-5,"comment":"..."}}; {@code REOPENED} on the conversation that was reopened.
 */
@Repository
public class ConversationEvents {

    public enum Type {
        MESSAGE_IN, MESSAGE_OUT, FIRST_RESPONSE, HANDOFF, AGENT_REPLY, AGENT_NOTE, RESOLVED,
        JOURNEY_STARTED, CSAT, REOPENED, FOLLOW_UP, LEAD_CAPTURED, BOOKING_CONFIRMED, SLA_BREACHED
    }

    private final JdbcClient jdbc;

    ConversationEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID conversationId, Type type, String channel, String detail) {
        jdbc.sql("insert into conversation_events (conversation_id, event_type, channel, detail, occurred_at) values (?, ?, ?, ?, ?)")
                .params(conversationId, type.name(), channel, detail, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** The agents' internal notes on the conversation, oldest first. */
    public List<AgentNote> notes(UUID conversationId) {
        return jdbc.sql("select occurred_at, detail from conversation_events where conversation_id = ? and event_type = ? "
                        + "order by occurred_at, id")
                .params(conversationId, Type.AGENT_NOTE.name())
                .query((rs, n) -> new AgentNote(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
                .list();
    }

    boolean happened(UUID conversationId, Type type) {
        return jdbc.sql("select count(*) from conversation_events where conversation_id = ? and event_type = ?")
                .params(conversationId, type.name()).query(Integer.class).single() > 0;
    }
}
