package io.throughline.journey;

import io.throughline.conversation.Conversations;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The wake-up's one step. It first holds the conversation, which a journey also holds while it decides to wait, so it
 * sees that journey either still busy (and about to read the message itself) or already waiting (and wakes it).
 * A clash with a journey job at work fails this job, and the engine retries it.
 */
@Component("wakeJourney")
class WakeJourney implements JavaDelegate {

    private final Conversations conversations;
    private final RuntimeService runtime;

    WakeJourney(Conversations conversations, RuntimeService runtime) {
        this.conversations = conversations;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String conversationId = (String) execution.getVariable(GeneralSupport.Var.CONVERSATION_ID);
        conversations.lock(UUID.fromString(conversationId));
        runtime.createMessageCorrelation(GeneralSupport.CUSTOMER_WROTE)
                .processInstanceBusinessKey(conversationId)
                .correlateAll();
    }
}
