package io.throughline.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The figures of one evaluation run. Retrieval figures (hit@k, MRR) count in-scope questions only; "don't know" means
 * the rules would not ANSWER (see {@link QuestionOutcome#answered()}); its positives are the out-of-scope questions.
 */
public final class EvalReport {

    private final List<QuestionOutcome> outcomes;
    private final List<QuestionOutcome> inScope;
    private final List<QuestionOutcome> outOfScope;

    EvalReport(List<QuestionOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        this.inScope = outcomes.stream().filter(outcome -> outcome.labelled().inScope()).toList();
        this.outOfScope = outcomes.stream().filter(outcome -> !outcome.labelled().inScope()).toList();
    }

    public int questions() {
        return outcomes.size();
    }

    public int inScopeQuestions() {
        return inScope.size();
    }

    public int outOfScopeQuestions() {
        return outOfScope.size();
    }

    public double hitAt(int k) {
        return share(inScope, outcome -> outcome.hitAt(k));
    }

    public double meanReciprocalRank() {
        return inScope.stream().mapToDouble(outcome -> outcome.sourceRank() == 0 ? 0 : 1.0 / outcome.sourceRank())
                .average().orElse(0);
    }

    /** Like {@link #hitAt(int)}, for the expected section; over the in-scope questions that name one. */
    public double sectionHitAt(int k) {
        return share(withSection(), outcome -> outcome.sectionRank() > 0 && outcome.sectionRank() <= k);
    }

    /** Share of the in-scope questions the rules would answer. */
    public double answerRate() {
        return share(inScope, QuestionOutcome::answered);
    }

    /** Share of the answers to in-scope questions that cite the expected source first. */
    public double answerPrecision() {
        return share(inScope.stream().filter(QuestionOutcome::answered).toList(), QuestionOutcome::answeredRight);
    }

    /** Of the questions that get "I don't know", the share that are out of scope. */
    public double dontKnowPrecision() {
        return share(outcomes.stream().filter(outcome -> !outcome.answered()).toList(),
                outcome -> !outcome.labelled().inScope());
    }

    /** Of the out-of-scope questions, the share that get "I don't know". */
    public double dontKnowRecall() {
        return share(outOfScope, outcome -> !outcome.answered());
    }

    /** Of the out-of-scope questions, the share the rules would hand to a person on the first message. */
    public double outOfScopeEscalatedAtOnce() {
        return share(outOfScope, QuestionOutcome::escalatedAtOnce);
    }

    /** Answers (sent or not) that state a number their cited passages do not. */
    public long inventedNumbers() {
        return outcomes.stream().filter(outcome -> outcome.inventedNumber() != null).count();
    }

    /** Attempts a guardrail stopped. */
    public long blocked() {
        return outcomes.stream().filter(outcome -> outcome.attempt().blocked()).count();
    }

    public CalibrationTable calibration() {
        return new CalibrationTable(outcomes);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "questions: %d (%d in scope, %d out of scope)%n", questions(), inScope.size(),
                outOfScope.size());
        out.printf(Locale.ROOT, "retrieval   citation hit@1 %.3f   hit@5 %.3f   MRR@%d %.3f   "
                + "(section hit@1 %.3f, hit@5 %.3f)%n", hitAt(1), hitAt(5), AnswerEvaluation.RANKED,
                meanReciprocalRank(), sectionHitAt(1), sectionHitAt(5));
        out.printf(Locale.ROOT, "answers     answer rate %.3f (in scope, confidence >= %.2f)   "
                + "answers citing the expected source first %.3f%n", answerRate(), RuleThresholds.ANSWER,
                answerPrecision());
        out.printf(Locale.ROOT, "don't know  precision %.3f   recall %.3f   out of scope escalated at once (< %.2f or "
                + "nothing found) %.3f%n", dontKnowPrecision(), dontKnowRecall(), RuleThresholds.ESCALATE,
                outOfScopeEscalatedAtOnce());
        out.printf(Locale.ROOT, "guardrails  answers with an invented number %d   attempts blocked %d%n",
                inventedNumbers(), blocked());
        out.println();
        calibration().print(out);
        out.println();
        printMistakes(out);
    }

    private void printMistakes(PrintStream out) {
        out.println("mistakes:");
        for (QuestionOutcome outcome : outcomes) {
            String mistake = mistake(outcome);
            if (mistake != null) {
                String top = outcome.ranked().isEmpty() ? "-" : outcome.ranked().get(0).source();
                out.printf(Locale.ROOT, "  %-34s conf %.2f  top %-36s %s%n", mistake, outcome.attempt().confidence(),
                        top, outcome.labelled().question().replaceAll("\\s+", " "));
            }
        }
    }

    private static String mistake(QuestionOutcome outcome) {
        if (outcome.inventedNumber() != null) {
            return "invented \"" + outcome.inventedNumber() + "\"";
        }
        if (!outcome.labelled().inScope()) {
            return outcome.answered() ? "answered (out of scope)" : null;
        }
        if (!outcome.hitAt(5)) {
            return "missed " + outcome.labelled().expectedSource();
        }
        if (!outcome.answered()) {
            return "don't know (in scope)";
        }
        return outcome.answeredRight() ? null : "cited wrong source";
    }

    private List<QuestionOutcome> withSection() {
        return inScope.stream().filter(outcome -> outcome.labelled().expectedSection() != null).toList();
    }

    private static double share(List<QuestionOutcome> outcomes, Predicate<QuestionOutcome> counted) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(counted).count() / outcomes.size();
    }
}
