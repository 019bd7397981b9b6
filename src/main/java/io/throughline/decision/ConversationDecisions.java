package io.throughline.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.Conversations;
import io.throughline.conversation.Direction;
import io.throughline.conversation.Messages;
import io.throughline.customer.Customer;
import io.throughline.customer.Customers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the next step for a conversation: gathers the facts the rules see (the conversation so far, the customer's
 * attributes, the answer attempt), lets the {@link Decider} decide, and keeps the decision on the conversation.
 */
@Service
public class ConversationDecisions {

    private final Decider decider;
    private final Conversations conversations;
    private final Messages messages;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ConversationDecisions(Decider decider, Conversations conversations, Messages messages, Customers customers,
                          JdbcClient jdbc, ObjectMapper json) {
        this.decider = decider;
        this.conversations = conversations;
        this.messages = messages;
        this.customers = customers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public Decision decide(UUID conversationId, String text, String intent, double intentScore, boolean outOfScope,
                           AnswerFacts answer) {
        var conversation = conversations.find(conversationId).orElseThrow();
        Customer customer = customers.find(conversation.customerId()).orElseThrow();
        var transcript = messages.transcript(conversationId);
        var facts = ConversationFacts.builder()
                .conversationId(conversationId.toString())
                .channel(transcript.isEmpty() ? null : transcript.get(transcript.size() - 1).channel())
                .intent(intent, intentScore)
                .customerMessages((int) transcript.stream().filter(m -> m.direction() == Direction.IN).count())
                .unansweredQuestions(unanswered(conversationId))
                .text(text);
        if (outOfScope) {
            facts.outOfScope();
        }
        Decision decision = decider.decide(facts.build(), new CustomerFacts(customer.id().toString(), customer.plan(),
                asStrings(customer.attributes())), answer);
        record(conversationId, decision, intent, intentScore, answer.getConfidence());
        return decision;
    }

    /** Earlier turns of this conversation the bot did not answer itself. */
    private int unanswered(UUID conversationId) {
        return jdbc.sql("select count(*) from decisions where conversation_id = ? and action <> 'ANSWER'")
                .param(conversationId).query(Integer.class).single();
    }

    private void record(UUID conversationId, Decision decision, String intent, double intentScore, double confidence) {
        jdbc.sql("insert into decisions (conversation_id, action, queue, priority, intent, intent_score, confidence, "
                        + "reasons, rules_fired, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(conversationId, decision.getAction().name(), decision.getQueue(), decision.getPriority(), intent,
                        intentScore, confidence, toJson(decision.getReasons()), toJson(decision.getRulesFired()),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> asStrings(Map<String, Object> attributes) {
        return attributes.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }
}
