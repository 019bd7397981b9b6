package io.throughline.journey;

import io.throughline.conversation.Resolutions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the resolution the BPMN names (input {@code resolution}), unless the customer just wrote again. With input
 * {@code keepOpenForRating} true the conversation stays open for the customer's rating (see the csat journey).
 */
@Component("resolveConversation")
class ResolveConversation implements JavaDelegate {

    private final Resolutions resolutions;

    ResolveConversation(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean resolved = resolutions.resolveUnlessCustomerWrote(Steps.conversationId(execution),
                Steps.string(execution, GeneralSupport.Var.RESOLUTION),
                Boolean.parseBoolean(Steps.string(execution, Journey.Var.KEEP_OPEN_FOR_RATING)));
        execution.setVariable(GeneralSupport.Var.RESOLVED, resolved);
    }
}
