package io.throughline.eval;

/**
 * The confidence thresholds of {@code rules/escalation.drl}, stated once for the evaluation (it may not load the rules:
 * Drools belongs to {@code decision}). {@code AnswerEvalSuiteTest} fails when the rules move them and this does not
 * follow.
 */
final class RuleThresholds {

    /** "Confident answer": at or above this the rules ANSWER. */
    static final double ANSWER = 0.55;
    /** "Low answer confidence": below this the rules escalate at once; in between they ask for details first. */
    static final double ESCALATE = 0.40;

    private RuleThresholds() {
    }
}
