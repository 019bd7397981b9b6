package io.throughline.decision;

/** What the AI answerer found for the customer's latest message. */
public final class AnswerFacts {

    private final boolean found;
    private final double confidence;
    private final int citations;

    public AnswerFacts(boolean found, double confidence, int citations) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
        this.found = found;
        this.confidence = confidence;
        this.citations = citations;
    }

    /** No answer attempted or nothing retrieved. */
    public static AnswerFacts none() {
        return new AnswerFacts(false, 0, 0);
    }

    public boolean isFound() {
        return found;
    }

    public double getConfidence() {
        return confidence;
    }

    public int getCitations() {
        return citations;
    }

    @Override
    public String toString() {
        return "AnswerFacts[found=" + found + ", confidence=" + confidence + ", citations=" + citations + "]";
    }
}
