package io.throughline.journey;

import java.util.UUID;

import io.throughline.language.Language;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the variables every step needs. */
final class Steps {

    private Steps() {
    }

    static UUID conversationId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(GeneralSupport.Var.CONVERSATION_ID));
    }

    /**
     * The text as it fits a String variable: Camunda keeps those in a 4,000-character column, and a longer one fails the
     * step. The end is kept (the latest messages of a transcript, the last of several unread messages).
     */
    static String fitted(String text, String whereTheRestIs) {
        if (text == null || text.length() <= MAX_STRING_VARIABLE) {
            return text;
        }
        String marker = "[… earlier part cut: " + whereTheRestIs + "]\n";
        return marker + text.substring(text.length() - (MAX_STRING_VARIABLE - marker.length()));
    }

    static final int MAX_STRING_VARIABLE = 4_000;

    static UUID customerId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(GeneralSupport.Var.CUSTOMER_ID));
    }

    /** The variable as text; null when it is not set, or blank. */
    static String optional(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    static int integer(VariableScope scope, String name, int otherwise) {
        Object value = scope.getVariable(name);
        return value instanceof Number number ? number.intValue() : otherwise;
    }

    /** Now by the engine's clock, which process tests move. */
    static java.time.Instant now() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? "" : value.toString();
    }

    /** The language the customer writes in, as the intent step detected it; English before that. */
    static Language language(VariableScope scope) {
        return Language.ofCode(string(scope, GeneralSupport.Var.LANGUAGE)).orElse(Language.EN);
    }
}
