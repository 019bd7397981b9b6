package io.throughline.journey;

import io.throughline.conversation.Ratings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer's answer to "how did we do?": a rating (CSAT), or a new question that reopens the conversation. */
@Component("rateConversation")
class RateConversation implements JavaDelegate {

    private final Ratings ratings;

    RateConversation(Ratings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var rating = ratings.take(Steps.conversationId(execution), Steps.string(execution, GeneralSupport.Var.QUESTION));
        execution.setVariable(Journey.Var.RATED, rating.isPresent());
        execution.setVariable(Journey.Var.CSAT_SCORE, rating.map(r -> r.score()).orElse(null));
    }
}
