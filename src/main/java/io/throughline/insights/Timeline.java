package io.throughline.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One conversation's timeline folded event by event (in the order they happened) into what insights keeps about it.
 * Details it reads: {@code HANDOFF} "queue: reasons", {@code JOURNEY_STARTED} the process key, {@code CSAT}
 * {@code {"score":1-5,"comment":"..."}} (a bare number is a score; anything else is not a rating).
 */
final class Timeline {

    private static final ObjectMapper JSON = new ObjectMapper();

    final UUID conversationId;
    String intent;
    final List<String> channels = new ArrayList<>();
    final List<String> journeys = new ArrayList<>();
    final List<String> queues = new ArrayList<>();
    int customerMessages;
    OffsetDateTime firstResponseAt;
    OffsetDateTime handoffAt;
    int handoffs;
    OffsetDateTime agentReplyAt;
    OffsetDateTime reopenedAt;
    Integer csatScore;
    String csatComment;
    boolean leadCaptured;
    boolean bookingConfirmed;
    boolean slaBreached;
    int followUps;
    OffsetDateTime lastEventAt;

    Timeline(UUID conversationId) {
        this.conversationId = conversationId;
    }

    void add(String type, String channel, String detail, OffsetDateTime at) {
        lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        switch (type) {
            case "MESSAGE_IN" -> {
                customerMessages++;
                addOnce(channels, channel);
            }
            case "FIRST_RESPONSE" -> firstResponseAt = firstResponseAt == null ? at : firstResponseAt;
            case "HANDOFF" -> {
                handoffs++;
                handoffAt = handoffAt == null ? at : handoffAt;
                addOnce(queues, queueOf(detail));
            }
            case "AGENT_REPLY" -> agentReplyAt = agentReplyAt == null ? at : agentReplyAt;
            case "REOPENED" -> reopenedAt = at;
            case "JOURNEY_STARTED" -> addOnce(journeys, detail);
            case "CSAT" -> rating(detail);
            case "LEAD_CAPTURED" -> leadCaptured = true;
            case "BOOKING_CONFIRMED" -> bookingConfirmed = true;
            case "SLA_BREACHED" -> slaBreached = true;
            case "FOLLOW_UP" -> followUps++;
            default -> { } // MESSAGE_OUT, RESOLVED, AGENT_NOTE...: the conversation row or other events say it
        }
    }

    /** "billing: customer asked for a person" -> billing. */
    static String queueOf(String handoffDetail) {
        if (handoffDetail == null || handoffDetail.isBlank()) {
            return null;
        }
        int colon = handoffDetail.indexOf(':');
        String queue = (colon < 0 ? handoffDetail : handoffDetail.substring(0, colon)).strip();
        return queue.isEmpty() ? null : queue;
    }

    private void rating(String detail) {
        if (detail == null || detail.isBlank()) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(detail);
            JsonNode score = node.isObject() ? node.path("score") : node;
            if (score.canConvertToInt() && score.asInt() >= 1 && score.asInt() <= 5) {
                csatScore = score.asInt();
                JsonNode comment = node.path("comment");
                csatComment = comment.isTextual() && !comment.asText().isBlank() ? comment.asText() : null;
            }
        } catch (IOException notJson) {
            // a rating this version cannot read is left out rather than guessed
        }
    }

    private static void addOnce(List<String> list, String value) {
        if (value != null && !value.isBlank() && !list.contains(value.strip())) {
            list.add(value.strip());
        }
    }

    static String join(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
