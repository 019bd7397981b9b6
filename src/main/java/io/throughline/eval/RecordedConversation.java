package io.throughline.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One conversation as the replay reads and writes it, one per line of a JSONL file (see {@code eval/conversations/}):
 * the customer as the rules see them, and turn by turn what the customer wrote and what happened next. A turn whose
 * {@code decisions} and {@code replies} are absent is a script: the replay can run it ({@code --record}) but has nothing
 * to compare it with.
 *
 * @param id       the conversation's id (the database's, or any name unique in the file)
 * @param customer the customer's attributes and the kinds of identity they wrote from (never the addresses)
 * @param turns    the customer's messages in order, each with what followed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "customer", "turns"})
public record RecordedConversation(String id, Customer customer, List<Turn> turns) {

    public RecordedConversation {
        customer = customer == null ? new Customer(Map.of(), List.of()) : customer;
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** Whether every turn says what happened after it, so a replay has something to compare. */
    public boolean recorded() {
        return turns.stream().allMatch(turn -> turn.decisions() != null && turn.replies() != null);
    }

    /**
     * @param attributes what the business's systems say (plan, account, orders...), as the rules see them
     * @param identities identity types only (visitor, email, phone, telegram, slack...), first one first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"attributes", "identities"})
    public record Customer(Map<String, Object> attributes, List<String> identities) {

        public Customer {
            attributes = attributes == null ? Map.of() : attributes;
            identities = identities == null ? List.of() : List.copyOf(identities);
        }
    }

    /**
     * A customer's message and what followed it until their next one.
     *
     * @param decisions what the rules decided (empty: no decision, e.g. an agent had the conversation); null: not recorded
     * @param journeys  the journeys that handled the message (their process keys); null: not recorded
     * @param replies   every message to the customer, bot's and agent's; null: not recorded
     * @param agent     what the agent did with the task open after this message, if a person answered
     * @param failures  journey steps that failed (a replay finding; the database does not say)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"message", "decisions", "journeys", "replies", "agent", "failures"})
    public record Turn(CustomerMessage message, List<RecordedDecision> decisions, List<String> journeys,
                       List<Reply> replies, AgentAction agent, List<String> failures) {

        public Turn {
            decisions = decisions == null ? null : List.copyOf(decisions);
            journeys = journeys == null ? null : List.copyOf(journeys);
            replies = replies == null ? null : List.copyOf(replies);
            failures = failures == null || failures.isEmpty() ? null : List.copyOf(failures);
        }

        Turn withFailures(List<String> more) {
            return new Turn(message, decisions, journeys, replies, agent, more);
        }
    }

    /** @param at when it was accepted; informational, never compared */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"channel", "text", "at"})
    public record CustomerMessage(String channel, String text, Instant at) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"action", "queue", "priority", "reasons", "rulesFired"})
    public record RecordedDecision(String action, String queue, int priority, List<String> reasons,
                                   List<String> rulesFired) {

        /** What the replay compares: action, queue and priority. */
        String gist() {
            return action + " " + queue + "/" + priority;
        }
    }

    /** @param author {@code bot} or {@code agent} (or {@code system}) */
    @JsonPropertyOrder({"author", "channel", "text"})
    public record Reply(String author, String channel, String text) {}

    /**
     * @param reply   the agent's reply ("" for none)
     * @param outcome {@code reply}, {@code hand-back} or {@code resolve}
     * @param note    the agent's internal note, if any
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"reply", "outcome", "note"})
    public record AgentAction(String reply, String outcome, String note) {}
}
