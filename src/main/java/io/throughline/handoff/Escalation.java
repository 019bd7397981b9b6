package io.throughline.handoff;

import io.throughline.conversation.MessageCitation;
import java.util.List;
import java.util.UUID;

/**
 * What the journey knows when a person takes over: the bot's last attempt, the rules' verdict and what was gathered.
 * Anything the journey did not set is null (or empty).
 *
 * @param details    the details gathered so far as a JSON object string ({@code {"orderNumber":"A-1042"}}), or null
 * @param dueDate    when the agent should have answered (ISO-8601), or null
 * @param agentKeeps the agent kept the conversation and the customer wrote again: the bot did not look this time, so
 *                   the intent, answer and reasons are those of the earlier handoff
 */
public record Escalation(UUID conversationId, String intent, Double intentScore, boolean outOfScope, String answerText,
                         Double answerConfidence, List<MessageCitation> citations, String answerBlocked, String reasons,
                         String queue, Integer priority, String details, String dueDate, boolean agentKeeps) {

    public Escalation {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
