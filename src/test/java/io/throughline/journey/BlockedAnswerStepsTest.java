package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.throughline.answer.AnswerAttempt;
import io.throughline.answer.Answerer;
import io.throughline.answer.Citation;
import io.throughline.decision.AnswerFacts;
import io.throughline.decision.ConversationDecisions;
import io.throughline.decision.Decision;

/** The real FindAnswer and Decide steps carry a guardrail's block from the answerer to the rules. */
class BlockedAnswerStepsTest {

    private static final String REASON = "the answer states \"€12\", which none of its sources does";

    private final Map<String, Object> variables = new HashMap<>();
    private final DelegateExecution execution = executionOver(variables);
    private final CitationsVariable citations = new CitationsVariable(new ObjectMapper());

    @Test
    void aBlockedAnswerReachesTheRulesWithItsReason() throws Exception {
        Answerer answerer = mock(Answerer.class);
        when(answerer.answer("How much is Basic?")).thenReturn(new AnswerAttempt("How much is Basic?", null,
                List.of(new Citation("Pricing and Plans", "pricing-and-plans.md", "Subscription plans")), 0.9, REASON));
        variables.put(GeneralSupport.Var.QUESTION, "How much is Basic?");
        variables.put(GeneralSupport.Var.CONVERSATION_ID, UUID.randomUUID().toString());

        new FindAnswer(answerer, citations, new JourneyMetrics(new SimpleMeterRegistry())).execute(execution);
        AnswerFacts facts = decideAndCaptureTheAnswerFacts();

        assertThat(variables).containsEntry(GeneralSupport.Var.ANSWER_BLOCKED, REASON)
                .containsEntry(GeneralSupport.Var.ANSWER_TEXT, null);
        assertThat(facts.isBlocked()).isTrue();
        assertThat(facts.getBlockedBecause()).isEqualTo(REASON);
        assertThat(facts.isFound()).isFalse();
        assertThat(facts.getCitations()).isEqualTo(1);
    }

    @Test
    void anAnswerNoGuardrailStoppedIsNotBlocked() throws Exception {
        Answerer answerer = mock(Answerer.class);
        when(answerer.answer("How much is Basic?")).thenReturn(new AnswerAttempt("How much is Basic?",
                "Basic costs 19 EUR per month.", List.of(), 0.9));
        variables.put(GeneralSupport.Var.QUESTION, "How much is Basic?");
        variables.put(GeneralSupport.Var.CONVERSATION_ID, UUID.randomUUID().toString());

        new FindAnswer(answerer, citations, new JourneyMetrics(new SimpleMeterRegistry())).execute(execution);
        AnswerFacts facts = decideAndCaptureTheAnswerFacts();

        assertThat(variables).containsEntry(GeneralSupport.Var.ANSWER_BLOCKED, null);
        assertThat(facts.isBlocked()).isFalse();
        assertThat(facts.isFound()).isTrue();
    }

    private AnswerFacts decideAndCaptureTheAnswerFacts() throws Exception {
        variables.put(GeneralSupport.Var.INTENT, "pricing");
        variables.put(GeneralSupport.Var.INTENT_SCORE, 0.9);
        variables.put(GeneralSupport.Var.OUT_OF_SCOPE, false);
        ConversationDecisions decisions = mock(ConversationDecisions.class);
        ArgumentCaptor<AnswerFacts> facts = ArgumentCaptor.forClass(AnswerFacts.class);
        Decision decision = new Decision();
        decision.escalate("support", "scripted");
        when(decisions.decide(any(), anyString(), any(), anyString(), anyDouble(), anyBoolean(), facts.capture(), any()))
                .thenReturn(decision);

        new Decide(decisions, citations).execute(execution);

        assertThat(variables).containsEntry(GeneralSupport.Var.ACTION, "ESCALATE");
        return facts.getValue();
    }

    private static DelegateExecution executionOver(Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
                .when(execution).setVariable(anyString(), Mockito.<Object>any());
        return execution;
    }
}
