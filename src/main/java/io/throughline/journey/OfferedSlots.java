package io.throughline.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The slots offered to the customer travel as a JSON list of ISO-8601 instants ({@code offeredSlots}). */
@Component
class OfferedSlots {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final ObjectMapper json;

    OfferedSlots(ObjectMapper json) {
        this.json = json;
    }

    List<Instant> read(VariableScope scope) {
        String text = Steps.optional(scope, Journey.Var.OFFERED_SLOTS);
        try {
            return text == null ? List.of() : json.readValue(text, LIST).stream().map(Instant::parse).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variable " + Journey.Var.OFFERED_SLOTS + " is not a JSON list", e);
        }
    }

    void write(VariableScope scope, List<Instant> slots) {
        try {
            scope.setVariable(Journey.Var.OFFERED_SLOTS, json.writeValueAsString(slots.stream().map(Instant::toString).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
