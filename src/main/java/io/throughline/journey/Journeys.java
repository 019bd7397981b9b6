package io.throughline.journey;

import io.throughline.conversation.ConversationEvents;
import io.throughline.conversation.MessageAccepted;
import io.throughline.conversation.UnreadMessagesMoved;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the customer's journey on their first message, or leaves a wake-up for the one that runs. Both only store a
 * job, inside accept's transaction: accepting a message never waits for, nor fails because of, a journey at work.
 */
@Component
class Journeys {

    static final String WAKE_UP_KEY = "journey-wake-up";

    private final RuntimeService runtime;
    private final JourneyVariables variables;
    private final ConversationEvents events;

    Journeys(RuntimeService runtime, JourneyVariables variables, ConversationEvents events) {
        this.runtime = runtime;
        this.variables = variables;
        this.events = events;
    }

    /** A plain listener on purpose: it runs inside accept's transaction, so message and job commit together. */
    @EventListener
    void on(MessageAccepted accepted) {
        startOrWake(accepted.conversationId(), accepted.customerId(), accepted.channel());
    }

    /** A customer merge moved unread messages into this conversation: its journey has to read them. */
    @EventListener
    void on(UnreadMessagesMoved moved) {
        startOrWake(moved.conversationId(), moved.customerId(), null);
    }

    private void startOrWake(UUID conversation, UUID customerId, String channel) {
        String conversationId = conversation.toString();
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(GeneralSupport.KEY)
                .processInstanceBusinessKey(conversationId).count() > 0;
        if (running) {
            runtime.startProcessInstanceByKey(WAKE_UP_KEY, conversationId,
                    Map.of(GeneralSupport.Var.CONVERSATION_ID, conversationId));
        } else {
            runtime.startProcessInstanceByKey(GeneralSupport.KEY, conversationId,
                    variables.forConversation(conversation, customerId));
            events.record(conversation, ConversationEvents.Type.JOURNEY_STARTED, channel, GeneralSupport.KEY);
        }
    }
}
