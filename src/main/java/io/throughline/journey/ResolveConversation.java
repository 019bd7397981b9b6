package io.throughline.journey;

import io.throughline.conversation.Resolutions;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the resolution the BPMN names (input {@code resolution}), unless the customer just wrote again. The
 * conversation ends at once; with input {@code awaitRating} true a rating the customer sends within
 * {@code csatTimeout} still lands in it (see the csat journey).
 */
@Component("resolveConversation")
class ResolveConversation implements JavaDelegate {

    private final Resolutions resolutions;

    ResolveConversation(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean awaitRating = Boolean.parseBoolean(Steps.string(execution, Journey.Var.AWAIT_RATING));
        String csatTimeout = Steps.string(execution, Journey.Var.CSAT_TIMEOUT);
        Duration ratingWindow = awaitRating && csatTimeout != null && !csatTimeout.isBlank() ? Duration.parse(csatTimeout) : null;
        boolean resolved = resolutions.resolveUnlessCustomerWrote(Steps.conversationId(execution),
                Steps.string(execution, GeneralSupport.Var.RESOLUTION), ratingWindow);
        execution.setVariable(GeneralSupport.Var.RESOLVED, resolved);
    }
}
