package io.throughline.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The timeline KPIs are derived from: message in and out, first response, handoff, agent reply, resolution, which
 * journey started (its process key in {@code detail}), and what the journeys add: rating (CSAT, detail
 * {@code {"score":4,"comment":"..."}}), reopening, follow-up, lead, booking, SLA breach and onboarding checklist items.
 * Details of those are JSON objects. {@code HANDOFF} carries "queue: reasons"; {@code REOPENED} is recorded on the
 * conversation that was reopened. {@code OPTED_OUT} and {@code OPTED_IN} carry the keyword the customer sent.
 */
@Repository
public class ConversationEvents {

    public enum Type { MESSAGE_IN, MESSAGE_OUT, FIRST_RESPONSE, HANDOFF, AGENT_REPLY, AGENT_NOTE, RESOLVED, JOURNEY_STARTED,
        CSAT, REOPENED, FOLLOW_UP, LEAD_CAPTURED, BOOKING_CONFIRMED, BOOKING_CANCELLED, SLA_BREACHED, CHECKLIST_ITEM,
        OPTED_OUT, OPTED_IN }

    private final JdbcClient jdbc;

    ConversationEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID conversationId, Type type, String channel, String detail) {
        jdbc.sql("insert into conversation_events (conversation_id, event_type, channel, detail, occurred_at) values (?, ?, ?, ?, ?)")
                .params(conversationId, type.name(), channel, detail, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** The details of every event of this type on the conversation, oldest first. */
    public List<String> details(UUID conversationId, Type type) {
        return jdbc.sql("select detail from conversation_events where conversation_id = ? and event_type = ? order by id")
                .params(conversationId, type.name()).query(String.class).list();
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
