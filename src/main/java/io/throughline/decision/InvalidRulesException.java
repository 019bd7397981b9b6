package io.throughline.decision;

import java.util.List;

/** The rules cannot be loaded; the message lists every problem as "file:line:column: message". */
public class InvalidRulesException extends RuntimeException {

    private final List<String> problems;

    public InvalidRulesException(List<String> problems) {
        super("Invalid rules:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> getProblems() {
        return problems;
    }
}
