package io.throughline.insights;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversations written straight into the tables insights reads, at the times a test chooses: what the channels, the
 * journeys and the rules would have recorded (messages, timeline events, decisions).
 */
final class InsightsData {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final JdbcClient jdbc;

    InsightsData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID customer() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into customers (id, attributes, created_at) values (?, '{}', ?)")
                .params(id, utc(Instant.parse("2020-01-01T00:00:00Z"))).update();
        return id;
    }

    /** A conversation the customer opens with their first message. */
    Conversation conversation(UUID customer, Instant openedAt, String channel, String firstMessage) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into conversations (id, customer_id, status, opened_at) values (?, ?, 'OPEN', ?)")
                .params(id, customer, utc(openedAt)).update();
        return new Conversation(id).customerWrote(openedAt, channel, firstMessage);
    }

    Conversation conversation(Instant openedAt, String channel) {
        return conversation(customer(), openedAt, channel, "Hello");
    }

    final class Conversation {

        final UUID id;
        private boolean responded;
        private String lastChannel;

        Conversation(UUID id) {
            this.id = id;
        }

        Conversation customerWrote(Instant at, String channel, String text) {
            lastChannel = channel;
            message(at, "IN", "customer", channel, text);
            return event(at, "MESSAGE_IN", channel, null);
        }

        Conversation botReplied(Instant at) {
            return replied(at, "bot");
        }

        Conversation agentReplied(Instant at) {
            replied(at, "agent");
            return event(at, "AGENT_REPLY", lastChannel, null);
        }

        private Conversation replied(Instant at, String author) {
            message(at, "OUT", author, lastChannel, "a reply");
            event(at, "MESSAGE_OUT", lastChannel, author);
            if (!responded) {
                responded = true;
                event(at, "FIRST_RESPONSE", lastChannel, author);
            }
            return this;
        }

        Conversation decided(Instant at, String action, String intent, double confidence, String queue) {
            jdbc.sql("insert into decisions (conversation_id, action, queue, priority, intent, intent_score, confidence, "
                            + "reasons, rules_fired, decided_at) values (?, ?, ?, 0, ?, 0.9, ?, '[]', '[]', ?)")
                    .params(id, action, queue, intent, confidence, utc(at)).update();
            return this;
        }

        Conversation handedOff(Instant at, String queue) {
            return event(at, "HANDOFF", null, queue + ": customer asked for a person");
        }

        Conversation journey(Instant at, String key) {
            return event(at, "JOURNEY_STARTED", lastChannel, key);
        }

        Conversation rated(Instant at, int score, String comment) {
            var rating = JSON.createObjectNode().put("score", score);
            if (comment != null) {
                rating.put("comment", comment);
            }
            return event(at, "CSAT", lastChannel, rating.toString());
        }

        Conversation resolved(Instant at, String resolution) {
            jdbc.sql("update conversations set status = 'RESOLVED', resolved_at = ?, resolution = ? where id = ?")
                    .params(utc(at), resolution, id).update();
            return event(at, "RESOLVED", null, resolution);
        }

        Conversation event(Instant at, String type, String channel, String detail) {
            jdbc.sql("insert into conversation_events (conversation_id, event_type, channel, detail, occurred_at) "
                    + "values (?, ?, ?, ?, ?)").params(id, type, channel, detail, utc(at)).update();
            return this;
        }

        private void message(Instant at, String direction, String author, String channel, String text) {
            jdbc.sql("insert into messages (id, conversation_id, direction, author, channel, text, delivery_status, "
                            + "handled, created_at, visible_at) values (?, ?, ?, ?, ?, ?, 'SENT', true, ?, ?)")
                    .params(UUID.randomUUID(), id, direction, author, channel, text, utc(at), utc(at)).update();
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
