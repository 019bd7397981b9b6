package io.throughline.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the question and answer columns of an FAQ sheet's header row: {@code question/answer} or {@code q/a}, any case. */
record FaqColumns(int question, int answer) {

    private static final Set<String> QUESTION = Set.of("question", "q");
    private static final Set<String> ANSWER = Set.of("answer", "a");

    /** Null when the header has no question column or no answer column. */
    static FaqColumns find(List<String> header) {
        int question = -1;
        int answer = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT);
            if (question < 0 && QUESTION.contains(name)) {
                question = i;
            } else if (answer < 0 && ANSWER.contains(name)) {
                answer = i;
            }
        }
        return question < 0 || answer < 0 ? null : new FaqColumns(question, answer);
    }

    static String expected(List<String> header) {
        return "it needs a header row with a question and an answer column (named question/answer or q/a); its header is "
                + header;
    }

    /** One row as a section: the question is the heading, the answer its text. Blank questions or answers are skipped. */
    void row(List<String> cells, SectionCollector collector) {
        String q = cell(cells, question);
        String a = cell(cells, answer);
        if (!q.isBlank() && !a.isBlank()) {
            collector.heading(q);
            collector.paragraph(a);
        }
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }
}
