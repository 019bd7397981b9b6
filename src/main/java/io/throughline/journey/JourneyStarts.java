package io.throughline.journey;

import io.throughline.conversation.OptedOutEverywhere;
import io.throughline.conversation.ProactiveMessages;
import io.throughline.customer.Customers;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journeys the business starts for a customer (a renewal reminder, an onboarding after sign-up, a booking offer): general
 * support starts on its JourneyRequested message in the customer's open conversation (or a new one) and routes straight
 * into the journey, so replies, handoffs and endings work as in any conversation. Any journey general support calls
 * can be started this way.
 */
@Service
public class JourneyStarts {

    /** Variables the API may not set: they are the conversation's identity and its routing. */
    static final Set<String> RESERVED = Set.of(GeneralSupport.Var.CONVERSATION_ID, GeneralSupport.Var.CUSTOMER_ID,
            GeneralSupport.Var.INTENT, GeneralSupport.Var.INTENT_SCORE, GeneralSupport.Var.OUT_OF_SCOPE,
            GeneralSupport.Var.QUESTION, GeneralSupport.Var.ACTION, GeneralSupport.Var.QUEUE, GeneralSupport.Var.PRIORITY,
            GeneralSupport.Var.REASONS, GeneralSupport.Var.REPLY_MESSAGE_ID, RememberWhoAnswers.WITH_AGENT,
            Journey.Var.JOURNEY_OUTCOME);
    private static final Set<String> PARTS = Set.of(Journey.WAIT_FOR_CUSTOMER, Journey.CSAT);

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Customers customers;
    private final ProactiveMessages proactive;
    private final JourneyVariables variables;

    JourneyStarts(RuntimeService runtime, RepositoryService repository, Customers customers, ProactiveMessages proactive,
                  JourneyVariables variables) {
        this.runtime = runtime;
        this.repository = repository;
        this.customers = customers;
        this.proactive = proactive;
        this.variables = variables;
    }

    /** A journey started: general support's instance in the customer's conversation. */
    public record Started(String journey, UUID customerId, UUID conversationId, String processInstanceId) {}

    /** Why a start was refused: {@code status} as HTTP would say it, {@code field} the request's part at fault. */
    public static class Refused extends RuntimeException {
        private final int status;
        private final String field;

        Refused(int status, String message, String field) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** The journeys general support routes to, by key. */
    public Set<String> startable() {
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(GeneralSupport.KEY)
                .latestVersion().singleResult();
        Set<String> keys = new LinkedHashSet<>();
        if (definition != null) {
            repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(CallActivity.class).stream()
                    .map(CallActivity::getCalledElement).filter(key -> key != null && !PARTS.contains(key))
                    .forEach(keys::add);
        }
        return keys;
    }

    @Transactional
    public Started start(String journey, UUID customerId, Map<String, Object> given) {
        Set<String> startable = startable();
        if (!startable.contains(journey)) {
            throw new Refused(404, "no journey '" + journey + "' to start: general support routes to " + startable
                    + " (a call activity in processes/general-support.bpmn)", "key");
        }
        if (customers.find(customerId).isEmpty()) {
            throw new Refused(404, "no customer " + customerId, "customerId");
        }
        given.forEach((name, value) -> {
            if (RESERVED.contains(name)) {
                throw new Refused(400, "variable '" + name + "' is the journey's own; choose another name",
                        "variables." + name);
            }
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new Refused(400, "variable '" + name + "' must be a string, number or boolean",
                        "variables." + name);
            }
        });
        try {
            proactive.channelFor(customerId);
        } catch (OptedOutEverywhere optedOut) {
            throw new Refused(409, optedOut.getMessage(), "customerId");
        } catch (IllegalStateException unreachable) {
            throw new Refused(422, unreachable.getMessage(), "customerId");
        }
        UUID conversationId = proactive.conversationFor(customerId).id();
        if (runtime.createProcessInstanceQuery().processDefinitionKey(GeneralSupport.KEY)
                .processInstanceBusinessKey(conversationId.toString()).count() > 0) {
            throw new Refused(409, "customer " + customerId + " is in conversation " + conversationId
                    + " right now; start the journey once it has ended", "customerId");
        }
        Map<String, Object> start = variables.forConversation(conversationId, customerId);
        start.putAll(given);
        start.put(GeneralSupport.Var.INTENT, journey);
        start.put(GeneralSupport.Var.INTENT_SCORE, 1.0);
        start.put(GeneralSupport.Var.OUT_OF_SCOPE, false);
        start.put(GeneralSupport.Var.QUESTION, "");
        var instance = runtime.createMessageCorrelation(Journey.JOURNEY_REQUESTED)
                .processInstanceBusinessKey(conversationId.toString()).setVariables(start).correlateStartMessage();
        return new Started(journey, customerId, conversationId, instance.getId());
    }
}
