package io.throughline.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.customer.privacy.DataSubject;
import io.throughline.customer.privacy.ErasedCounts;
import io.throughline.customer.privacy.PersonalData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conversation module's share of a customer's data: every conversation with its messages on every channel (with
 * delivery status and the address each came from), its timeline, the agents' notes, leads and ratings.
 */
@Component
class ConversationRecords implements PersonalData {

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final ConversationEvents events;
    private final ConversationErasure erasure;
    private final ObjectMapper json;

    ConversationRecords(JdbcClient jdbc, Conversations conversations, ConversationEvents events,
                        ConversationErasure erasure, ObjectMapper json) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.events = events;
        this.erasure = erasure;
        this.json = json;
    }

    @Override
    public void export(DataSubject subject, Map<String, Object> export) {
        List<Map<String, Object>> all = new ArrayList<>();
        List<Object> leads = new ArrayList<>();
        List<Object> ratings = new ArrayList<>();
        for (Conversation conversation : conversationsOf(subject)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", conversation.id());
            view.put("status", conversation.status().name());
            view.put("openedAt", conversation.openedAt());
            view.put("resolvedAt", conversation.resolvedAt());
            view.put("resolution", conversation.resolution());
            view.put("mergedInto", conversation.mergedInto());
            view.put("messages", messages(conversation.id()));
            view.put("events", timeline(conversation.id()));
            view.put("notes", events.notes(conversation.id()));
            all.add(view);
            events.details(conversation.id(), ConversationEvents.Type.LEAD_CAPTURED)
                    .forEach(detail -> leads.add(withConversation(conversation.id(), detail)));
            events.details(conversation.id(), ConversationEvents.Type.CSAT)
                    .forEach(detail -> ratings.add(withConversation(conversation.id(), detail)));
        }
        export.put("conversations", all);
        export.put("leads", leads);
        export.put("ratings", ratings);
    }

    @Override
    public void erase(DataSubject subject, ErasedCounts counts) {
        erasure.erase(conversationsOf(subject).stream().map(Conversation::id).toList(), counts);
    }

    private List<Conversation> conversationsOf(DataSubject subject) {
        return subject.customerIds().stream().flatMap(id -> conversations.ofCustomer(id).stream()).toList();
    }

    private List<Map<String, Object>> messages(UUID conversationId) {
        return jdbc.sql("select id, direction, author, channel, text, citations, delivery_status, sender_identity, "
                        + "provider_message_id, created_at, visible_at from messages where conversation_id = ? order by seq")
                .param(conversationId)
                .query((rs, n) -> {
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("id", rs.getObject(1, UUID.class));
                    message.put("direction", rs.getString(2));
                    message.put("author", rs.getString(3));
                    message.put("channel", rs.getString(4));
                    message.put("text", rs.getString(5));
                    message.put("citations", parse(rs.getString(6)));
                    message.put("deliveryStatus", rs.getString(7));
                    message.put("from", rs.getString(8));
                    message.put("providerMessageId", rs.getString(9));
                    message.put("createdAt", rs.getObject(10, OffsetDateTime.class));
                    message.put("visibleAt", rs.getObject(11, OffsetDateTime.class));
                    return message;
                })
                .list();
    }

    private List<Map<String, Object>> timeline(UUID conversationId) {
        return jdbc.sql("select event_type, channel, detail, occurred_at from conversation_events where conversation_id = ? "
                        + "order by id")
                .param(conversationId)
                .query((rs, n) -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", rs.getString(1));
                    event.put("channel", rs.getString(2));
                    event.put("detail", rs.getString(3));
                    event.put("at", rs.getObject(4, OffsetDateTime.class));
                    return event;
                })
                .list();
    }

    private Map<String, Object> withConversation(UUID conversationId, String detail) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("conversationId", conversationId);
        item.put("detail", parse(detail));
        return item;
    }

    /** A stored JSON value as JSON, or the text as it is when it is not JSON. */
    private Object parse(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException notJson) {
            return stored;
        }
    }
}
