package io.throughline.eval;

/**
 * A question and where its answer is in the knowledge base.
 *
 * @param expectedSource  path under the knowledge folder, or null when the knowledge does not answer it (out of scope)
 * @param expectedSection the heading the answer sits under, or null when any section of the source will do
 * @param language        the language the question is written in (ISO 639-1), as whoever wrote it knows it
 */
public record LabelledQuestion(String question, String expectedSource, String expectedSection, String language) {

    public LabelledQuestion {
        expectedSource = blankToNull(expectedSource);
        expectedSection = blankToNull(expectedSection);
        language = blankToNull(language) == null ? "en" : language.strip();
        if (expectedSource == null && expectedSection != null) {
            throw new IllegalArgumentException("\"" + question + "\" names a section but no source");
        }
    }

    /** An English question. */
    public LabelledQuestion(String question, String expectedSource, String expectedSection) {
        this(question, expectedSource, expectedSection, "en");
    }

    public boolean inScope() {
        return expectedSource != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
