package io.throughline.journey;

import io.throughline.answer.AnswerAttempt;
import io.throughline.answer.Answerer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the answerer; the attempt is kept as plain variables (text, confidence, citations as JSON, and why a guardrail
 * blocked it) for Cockpit and the task.
 */
@Component("findAnswer")
class FindAnswer implements JavaDelegate {

    private final Answerer answerer;
    private final CitationsVariable citations;
    private final JourneyMetrics metrics;

    FindAnswer(Answerer answerer, CitationsVariable citations, JourneyMetrics metrics) {
        this.answerer = answerer;
        this.citations = citations;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AnswerAttempt attempt = answerer.answer(Steps.string(execution, GeneralSupport.Var.QUESTION));
        execution.setVariable(GeneralSupport.Var.ANSWER_TEXT,
                attempt.found() ? Steps.fitted(attempt.text(), "the cited source") : null);
        execution.setVariable(GeneralSupport.Var.ANSWER_CONFIDENCE, attempt.confidence());
        execution.setVariable(GeneralSupport.Var.ANSWER_BLOCKED, attempt.blockedBecause());
        citations.write(execution, attempt.citations());
        metrics.answered(attempt.confidence());
    }
}
