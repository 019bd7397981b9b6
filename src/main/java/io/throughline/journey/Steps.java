package io.throughline.journey;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the variables every step needs. */
final class Steps {

    private Steps() {
    }

    static UUID conversationId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(GeneralSupport.Var.CONVERSATION_ID));
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? "" : value.toString();
    }
}
