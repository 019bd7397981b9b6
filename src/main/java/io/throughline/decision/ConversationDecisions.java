package io.throughline.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.Conversations;
import io.throughline.conversation.Direction;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import io.throughline.customer.Customer;
import io.throughline.customer.Customers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the next step for a conversation: gathers the facts the rules see (the conversation so far, the customer's
 * attributes and identities, the answer attempt, the business hours), lets the {@link Decider} decide, and keeps the
 * decision on the conversation.
 */
@Service
public class ConversationDecisions {

    private static final Logger log = LoggerFactory.getLogger(ConversationDecisions.class);

    private final Decider decider;
    private final BusinessHours businessHours;
    private final Conversations conversations;
    private final Messages messages;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ConversationDecisions(Decider decider, BusinessHoursSettings businessHours, Conversations conversations,
                          Messages messages, Customers customers, JdbcClient jdbc, ObjectMapper json) {
        this.decider = decider;
        this.businessHours = businessHours.toBusinessHours();
        this.conversations = conversations;
        this.messages = messages;
        this.customers = customers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public Decision decide(UUID conversationId, String text, String intent, double intentScore, boolean outOfScope,
                           AnswerFacts answer) {
        return decide(conversationId, text, intent, intentScore, outOfScope, answer, Instant.now());
    }

    /** @param now the moment of deciding, for the business hours (the engine's clock, so process tests can move it) */
    @Transactional
    public Decision decide(UUID conversationId, String text, String intent, double intentScore, boolean outOfScope,
                           AnswerFacts answer, Instant now) {
        return decide(conversationId, text, null, intent, intentScore, outOfScope, answer, now);
    }

    /** @param language the language the customer writes in (ISO 639-1), a fact the rules may route on */
    @Transactional
    public Decision decide(UUID conversationId, String text, String language, String intent, double intentScore,
                           boolean outOfScope, AnswerFacts answer, Instant now) {
        var conversation = conversations.find(conversationId).orElseThrow();
        Customer customer = customers.find(conversation.customerId()).orElseThrow();
        List<Message> written = messages.transcript(conversationId).stream()
                .filter(m -> m.direction() == Direction.IN).toList();
        var facts = ConversationFacts.builder()
                .conversationId(conversationId.toString())
                .channel(written.isEmpty() ? null : written.get(written.size() - 1).channel())
                .intent(intent, intentScore)
                .customerMessages(written.size())
                // a switch counts as what happened on the new channel
                .unansweredQuestions(count(conversationId, "coalesce(after_switch, action) <> 'ANSWER'"))
                .detailsAsked(count(conversationId, "coalesce(after_switch, action) = 'GATHER_DETAILS'"))
                .text(text)
                .language(language)
                .customerText(written.stream().map(Message::text).collect(Collectors.joining("\n")));
        if (outOfScope) {
            facts.outOfScope();
        }
        var customerFacts = new CustomerFacts(customer.id().toString(), customer.plan(), customer.attributes(),
                customer.identities().stream().map(identity -> identity.type().key()).toList(),
                customer.preferredChannel());
        Decision decision = decider.decide(facts.build(), customerFacts, answer, BusinessHoursFacts.at(businessHours, now));
        record(conversationId, decision, intent, intentScore, answer.getConfidence(), now);
        log.info("decided {} (queue {}, priority {}) for intent {}: {}", decision.getAction(), decision.getQueue(),
                decision.getPriority(), intent, decision.getRulesFired());
        return decision;
    }

    /** Earlier decisions of this conversation that match {@code condition}. */
    private int count(UUID conversationId, String condition) {
        return jdbc.sql("select count(*) from decisions where conversation_id = ? and " + condition)
                .param(conversationId).query(Integer.class).single();
    }

    private void record(UUID conversationId, Decision decision, String intent, double intentScore, double confidence,
                        Instant now) {
        jdbc.sql("insert into decisions (conversation_id, action, queue, priority, intent, intent_score, confidence, "
                        + "reasons, rules_fired, missing_details, switch_to, after_switch, follow_up_at, next_opening, "
                        + "decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(conversationId, decision.getAction().name(), decision.getQueue(), decision.getPriority(), intent,
                        intentScore, confidence, toJson(decision.getReasons()), toJson(decision.getRulesFired()),
                        toJson(decision.getMissingDetails()), decision.getSwitchTo(),
                        decision.getAfterSwitch() == null ? null : decision.getAfterSwitch().name(),
                        utc(decision.getFollowUpAt()), utc(decision.getNextOpening()), utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
