package io.throughline.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.MessageCitation;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The answer's citations travel as a JSON String variable, which Cockpit and Tasklist can show, not a Java object. */
@Component
class CitationsVariable {

    private static final TypeReference<List<MessageCitation>> LIST = new TypeReference<>() {};

    private final ObjectMapper json;

    CitationsVariable(ObjectMapper json) {
        this.json = json;
    }

    List<MessageCitation> read(VariableScope scope) {
        String text = Steps.string(scope, GeneralSupport.Var.ANSWER_CITATIONS);
        try {
            return text.isBlank() ? List.of() : json.readValue(text, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variable " + GeneralSupport.Var.ANSWER_CITATIONS + " is not a JSON list", e);
        }
    }

    void write(VariableScope scope, Object citations) {
        try {
            scope.setVariable(GeneralSupport.Var.ANSWER_CITATIONS, json.writeValueAsString(citations));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
