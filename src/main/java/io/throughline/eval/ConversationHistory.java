package io.throughline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.eval.RecordedConversation.AgentAction;
import io.throughline.eval.RecordedConversation.Customer;
import io.throughline.eval.RecordedConversation.CustomerMessage;
import io.throughline.eval.RecordedConversation.RecordedDecision;
import io.throughline.eval.RecordedConversation.Reply;
import io.throughline.eval.RecordedConversation.Turn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what happened in conversations from Throughline's tables (conversations, messages, decisions,
 * conversation_events) as {@link RecordedConversation}s. Only reads. A turn is a customer's message and everything until
 * their next one: the replies after it (by transcript order), the decisions and events after it (by time).
 */
public final class ConversationHistory {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public ConversationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conversations opened at or after {@code since} (all when null) with a customer message, oldest first. */
    public List<UUID> conversationsSince(Instant since, int limit) {
        return jdbc.sql("select c.id from conversations c where c.opened_at >= ? and exists (select 1 from messages m "
                        + "where m.conversation_id = c.id and m.direction = 'IN') order by c.opened_at, c.id limit ?")
                .params(OffsetDateTime.ofInstant(since == null ? Instant.EPOCH : since, ZoneOffset.UTC), limit)
                .query(UUID.class).list();
    }

    /** One conversation of the database, named by its id. */
    public RecordedConversation conversation(UUID conversationId) {
        UUID customerId = jdbc.sql("select customer_id from conversations where id = ?").param(conversationId)
                .query(UUID.class).single();
        return read(conversationId.toString(), customerId, List.of(conversationId));
    }

    /** Every conversation of one customer, read as one: what a replay of their messages led to. */
    public RecordedConversation customer(String id, UUID customerId) {
        List<UUID> conversations = jdbc.sql("select id from conversations where customer_id = ? order by opened_at, id")
                .param(customerId).query(UUID.class).list();
        return read(id, customerId, conversations);
    }

    private RecordedConversation read(String id, UUID customerId, List<UUID> conversations) {
        List<Row> messages = new ArrayList<>();
        List<Decided> decisions = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (UUID conversation : conversations) {
            messages.addAll(jdbc.sql("select direction, author, channel, text, created_at from messages "
                            + "where conversation_id = ? order by seq").param(conversation)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant())).list());
            decisions.addAll(jdbc.sql("select action, queue, priority, reasons, rules_fired, decided_at from decisions "
                            + "where conversation_id = ? order by id").param(conversation)
                    .query((rs, n) -> new Decided(new RecordedDecision(rs.getString(1), rs.getString(2), rs.getInt(3),
                            strings(rs.getString(4)), strings(rs.getString(5))),
                            rs.getObject(6, OffsetDateTime.class).toInstant())).list());
            events.addAll(jdbc.sql("select event_type, detail, occurred_at from conversation_events where conversation_id = ? "
                            + "and event_type in ('JOURNEY_STARTED', 'RESOLVED', 'AGENT_NOTE') order by id").param(conversation)
                    .query((rs, n) -> new Event(rs.getString(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant())).list());
        }
        return new RecordedConversation(id, customerOf(customerId), turns(messages, decisions, events));
    }

    private Customer customerOf(UUID customerId) {
        Map<String, Object> attributes = jdbc.sql("select attributes from customers where id = ?").param(customerId)
                .query(String.class).optional().map(ConversationHistory::object).orElse(Map.of());
        List<String> identities = jdbc.sql("select identity_type from customer_identities where customer_id = ? "
                        + "order by created_at, identity_type").param(customerId).query(String.class).list()
                .stream().distinct().toList();
        return new Customer(attributes, identities);
    }

    private static List<Turn> turns(List<Row> messages, List<Decided> decisions, List<Event> events) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).direction().equals("IN")) {
                starts.add(i);
            }
        }
        List<Turn> turns = new ArrayList<>();
        String journey = null;
        boolean journeysKnown = events.stream().anyMatch(e -> e.type().equals("JOURNEY_STARTED"));
        for (int t = 0; t < starts.size(); t++) {
            Row in = messages.get(starts.get(t));
            int end = t + 1 < starts.size() ? starts.get(t + 1) : messages.size();
            Instant from = in.at();
            Instant until = t + 1 < starts.size() ? messages.get(starts.get(t + 1)).at() : Instant.MAX;
            Predicate<Instant> within = at -> !at.isBefore(from) && at.isBefore(until);

            List<Reply> replies = messages.subList(starts.get(t) + 1, end).stream()
                    .map(m -> new Reply(m.author(), m.channel(), m.text())).toList();
            List<RecordedDecision> decided = decisions.stream().filter(d -> within.test(d.at()))
                    .map(Decided::decision).toList();
            List<Event> happened = events.stream().filter(e -> within.test(e.at())).toList();
            List<String> started = happened.stream().filter(e -> e.type().equals("JOURNEY_STARTED"))
                    .map(Event::detail).toList();
            List<String> journeys = null;
            if (journeysKnown) {
                journeys = started.isEmpty() ? (journey == null ? List.of() : List.of(journey)) : started;
                journey = journeys.isEmpty() ? journey : journeys.get(journeys.size() - 1);
            }
            turns.add(new Turn(new CustomerMessage(in.channel(), in.text(), in.at()), decided, journeys, replies,
                    agentAction(replies, happened), null));
        }
        return handedBack(turns);
    }

    /**
     * The tables do not keep the agent's outcome. After a reply with outcome {@code reply} the agent keeps the
     * conversation, so the customer's next message gets no decision; when it got one, the agent had handed back.
     */
    private static List<Turn> handedBack(List<Turn> turns) {
        List<Turn> fixed = new ArrayList<>(turns);
        for (int t = 0; t + 1 < fixed.size(); t++) {
            Turn turn = fixed.get(t);
            AgentAction agent = turn.agent();
            if (agent != null && agent.outcome().equals("reply") && !fixed.get(t + 1).decisions().isEmpty()) {
                fixed.set(t, new Turn(turn.message(), turn.decisions(), turn.journeys(), turn.replies(),
                        new AgentAction(agent.reply(), "hand-back", agent.note()), turn.failures()));
            }
        }
        return fixed;
    }

    /** What the agent did in this turn: their reply, whether they resolved, their note. Null when no person acted. */
    private static AgentAction agentAction(List<Reply> replies, List<Event> happened) {
        String reply = replies.stream().filter(r -> r.author().equals("agent")).map(Reply::text)
                .collect(Collectors.joining("\n"));
        boolean resolved = happened.stream().anyMatch(e -> e.type().equals("RESOLVED")
                && "resolved-by-agent".equals(e.detail()));
        String note = happened.stream().filter(e -> e.type().equals("AGENT_NOTE")).map(Event::detail)
                .collect(Collectors.joining("\n"));
        if (reply.isEmpty() && !resolved && note.isEmpty()) {
            return null;
        }
        return new AgentAction(reply, resolved ? "resolve" : "reply", note.isEmpty() ? null : note);
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return Collections.singletonList(json);
        }
    }

    private static Map<String, Object> object(String json) {
        try {
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private record Row(String direction, String author, String channel, String text, Instant at) {}

    private record Decided(RecordedDecision decision, Instant at) {}

    private record Event(String type, String detail, Instant at) {}
}
