package io.throughline.eval;

import io.throughline.answer.CsvRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a question set: CSV with the header {@code question,expected_source,expected_section}, optionally followed by
 * {@code ,language} (ISO 639-1, English when absent), fields quoted the RFC 4180 way (a question may hold commas, quotes
 * and line breaks).
 */
public final class LabelledQuestions {

    static final String HEADER = "question,expected_source,expected_section";
    private static final String LANGUAGE = ",language";

    private LabelledQuestions() {
    }

    public static List<LabelledQuestion> read(Path file) throws IOException {
        List<List<String>> rows = rows(Files.readString(file, StandardCharsets.UTF_8));
        String header = rows.isEmpty() ? "" : String.join(",", rows.get(0)).strip();
        if (!header.equals(HEADER) && !header.equals(HEADER + LANGUAGE)) {
            throw new IllegalArgumentException(file + " must start with the header " + HEADER + " or " + HEADER + LANGUAGE);
        }
        int columns = header.equals(HEADER) ? 3 : 4;
        List<LabelledQuestion> questions = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != columns || row.get(0).isBlank()) {
                throw new IllegalArgumentException(file + " row " + (i + 1)
                        + " needs a question and " + (columns - 1) + " more fields, has " + row);
            }
            questions.add(new LabelledQuestion(row.get(0).strip(), row.get(1), row.get(2), columns == 4 ? row.get(3) : null));
        }
        return questions;
    }

    static List<List<String>> rows(String csv) {
        return CsvRows.parse(csv);
    }
}
