package io.throughline.decision;

/** What the AI answerer found for the customer's latest message. */
public final class AnswerFacts {

    private final boolean found;
    private final double confidence;
    private final int citations;
    private final String blockedBecause;
    private final int length;

    public AnswerFacts(boolean found, double confidence, int citations) {
        this(found, confidence, citations, null);
    }

    /** @param blockedBecause why a guardrail stopped the written answer, or null when none did */
    public AnswerFacts(boolean found, double confidence, int citations, String blockedBecause) {
        this(found, confidence, citations, blockedBecause, 0);
    }

    /** @param length the answer's length in characters (0 when there is none) */
    public AnswerFacts(boolean found, double confidence, int citations, String blockedBecause, int length) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
        this.found = found;
        this.confidence = confidence;
        this.citations = citations;
        this.blockedBecause = blockedBecause;
        this.length = length;
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

    /** An answer was written but a guardrail stopped it (an invented number, another customer's data...). */
    public boolean isBlocked() {
        return blockedBecause != null;
    }

    public String getBlockedBecause() {
        return blockedBecause;
    }

    /** The written answer's length in characters: a long answer may suit email better than SMS. */
    public int getLength() {
        return length;
    }

    @Override
    public String toString() {
        return "AnswerFacts[found=" + found + ", confidence=" + confidence + ", citations=" + citations
                + (blockedBecause == null ? "" : ", blockedBecause=" + blockedBecause)
                + (length == 0 ? "" : ", length=" + length) + "]";
    }
}
