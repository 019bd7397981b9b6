package io.throughline.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.CaseDetails;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes the details out of the customer's latest message ({@code details}, a JSON object the agent's form shows), and
 * names the next one to ask for: {@code missingDetails} (comma-separated), {@code askedFor}, and
 * {@code detailsQuestion}, the voice's phrase for it (askOrderNumber, askDevice, askError); {@code detailsAsked}
 * counts the questions the customer has answered.
 */
@Component("gatherDetails")
class GatherDetails implements JavaDelegate {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final CaseDetails caseDetails;
    private final ObjectMapper json;

    GatherDetails(CaseDetails caseDetails, ObjectMapper json) {
        this.caseDetails = caseDetails;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        String known = Steps.optional(execution, Journey.Var.DETAILS);
        String askedFor = Steps.optional(execution, Journey.Var.ASKED_FOR);
        var gathered = caseDetails.gather(Steps.conversationId(execution), known == null ? Map.of() : json.readValue(known, MAP),
                askedFor, Steps.string(execution, GeneralSupport.Var.QUESTION));
        String next = gathered.nextToAsk();
        execution.setVariable(Journey.Var.DETAILS, json.writeValueAsString(gathered.details()));
        execution.setVariable(Journey.Var.MISSING_DETAILS, String.join(",", gathered.missing()));
        execution.setVariable(Journey.Var.ASKED_FOR, next);
        execution.setVariable(Journey.Var.DETAILS_QUESTION,
                next == null ? null : "ask" + Character.toUpperCase(next.charAt(0)) + next.substring(1));
        execution.setVariable(Journey.Var.DETAILS_ASKED,
                Steps.integer(execution, Journey.Var.DETAILS_ASKED, 0) + (askedFor == null ? 0 : 1));
    }
}
