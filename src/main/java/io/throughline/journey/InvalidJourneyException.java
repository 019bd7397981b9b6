package io.throughline.journey;

import java.util.List;

/** Journeys or forms that cannot be deployed; the message names each file and line. */
public class InvalidJourneyException extends RuntimeException {

    private final List<String> problems;

    InvalidJourneyException(List<String> problems, Throwable cause) {
        super("journeys in processes/ or forms/ cannot be deployed:\n" + String.join("\n", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code file:line:column: message}. */
    public List<String> getProblems() {
        return problems;
    }
}
