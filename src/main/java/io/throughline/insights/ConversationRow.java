package io.throughline.insights;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One conversation as insights sees it, read from the timeline ({@code conversation_events}) and the decisions.
 *
 * @param channel        the channel the customer started on
 * @param channels       every channel the customer wrote on, in the order of first use
 * @param journeys       the journeys it entered, in order ({@code JOURNEY_STARTED})
 * @param intent         the intent of its first decision
 * @param queues         the queues it was handed to, in order
 * @param agentReplyAt   the first reply of a person
 * @param reopened       reopened ({@code REOPENED}), or the same customer wrote again within the reopen window of the
 *                       resolution
 * @param repeatContact  the same customer had a conversation with the same intent within the repeat window before
 * @param repeatedLater  the same customer came back with the same intent within the repeat window after
 * @param csatScore      the customer's last rating, 1-5, or null
 */
public record ConversationRow(UUID id, UUID customerId, OffsetDateTime openedAt, String status,
                              OffsetDateTime resolvedAt, String resolution, String channel, List<String> channels,
                              List<String> journeys, String intent, List<String> queues, int customerMessages,
                              OffsetDateTime firstResponseAt, OffsetDateTime handoffAt, int handoffs,
                              OffsetDateTime agentReplyAt, boolean reopened, boolean repeatContact,
                              boolean repeatedLater, Integer csatScore, String csatComment, boolean leadCaptured,
                              boolean bookingConfirmed, boolean slaBreached, int followUps) {

    public ConversationRow {
        channels = List.copyOf(channels);
        journeys = List.copyOf(journeys);
        queues = List.copyOf(queues);
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public boolean handedOff() {
        return handoffs > 0;
    }

    /** A person took part: a handoff, or a reply by an agent. */
    public boolean personInvolved() {
        return handoffs > 0 || agentReplyAt != null;
    }

    /** The queue it was first handed to, or null. */
    public String queue() {
        return queues.isEmpty() ? null : queues.get(0);
    }

    /** The journey it entered last, where it ended up, or null. */
    public String journey() {
        return journeys.isEmpty() ? null : journeys.get(journeys.size() - 1);
    }

    public Duration firstResponse() {
        return firstResponseAt == null ? null : nonNegative(Duration.between(openedAt, firstResponseAt));
    }

    public Duration timeToResolution() {
        return resolvedAt == null ? null : nonNegative(Duration.between(openedAt, resolvedAt));
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
