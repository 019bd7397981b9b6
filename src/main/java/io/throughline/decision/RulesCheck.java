package io.throughline.decision;

import java.nio.file.Path;
import java.util.List;

/** Checks a rules directory the way start-up loads it, without keeping the result: for the validate command. */
public final class RulesCheck {

    private RulesCheck() {
    }

    /** Every problem as {@code file:line: message} (a decision table's line is its row); empty when the rules load. */
    public static List<String> problems(Path dir) {
        try {
            RuleBook.load(dir);
            return List.of();
        } catch (InvalidRulesException e) {
            return e.getProblems();
        }
    }

    /** The files of {@code dir} that hold rules (DRL and decision tables), for a summary. */
    public static List<Path> files(Path dir) {
        try {
            return RuleBook.ruleFiles(dir);
        } catch (InvalidRulesException e) {
            return List.of();
        }
    }

    /** The DRL Drools generates from a decision table, to see what a row became. */
    public static String generatedDrl(Path table) {
        return DecisionTable.compile(table).drl();
    }
}
