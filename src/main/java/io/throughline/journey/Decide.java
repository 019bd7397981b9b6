package io.throughline.journey;

import io.throughline.decision.AnswerFacts;
import io.throughline.decision.ConversationDecisions;
import io.throughline.decision.Decision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Lets the rules in {@code rules/} decide; the decision is kept on the conversation, and its gist in the variables of
 * {@link DecisionVariables}. The engine's clock is the moment of deciding, so business hours follow a test's clock.
 */
@Component("decide")
class Decide implements JavaDelegate {

    private final ConversationDecisions decisions;
    private final CitationsVariable citations;

    Decide(ConversationDecisions decisions, CitationsVariable citations) {
        this.decisions = decisions;
        this.citations = citations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String answerText = (String) execution.getVariable(GeneralSupport.Var.ANSWER_TEXT);
        var answer = new AnswerFacts(answerText != null && !answerText.isBlank(),
                (Double) execution.getVariable(GeneralSupport.Var.ANSWER_CONFIDENCE),
                citations.read(execution).size(), (String) execution.getVariable(GeneralSupport.Var.ANSWER_BLOCKED),
                answerText == null ? 0 : answerText.length());
        Decision decision = decisions.decide(Steps.conversationId(execution),
                Steps.string(execution, GeneralSupport.Var.QUESTION),
                (String) execution.getVariable(GeneralSupport.Var.LANGUAGE),
                (String) execution.getVariable(GeneralSupport.Var.INTENT),
                (Double) execution.getVariable(GeneralSupport.Var.INTENT_SCORE),
                (Boolean) execution.getVariable(GeneralSupport.Var.OUT_OF_SCOPE), answer,
                ClockUtil.getCurrentTime().toInstant());
        DecisionVariables.write(decision, execution);
    }
}
