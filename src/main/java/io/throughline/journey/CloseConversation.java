package io.throughline.journey;

import io.throughline.conversation.Resolutions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes a resolved conversation after its rating, unless the customer just wrote again ({@code resolved}). */
@Component("closeConversation")
class CloseConversation implements JavaDelegate {

    private final Resolutions resolutions;

    CloseConversation(Resolutions resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(GeneralSupport.Var.RESOLVED, resolutions.close(Steps.conversationId(execution)));
    }
}
