package io.throughline.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code *.csv} with a {@code text,intent} header from the intents folder. */
public final class IntentExamples {

    private IntentExamples() {
    }

    static List<LabelledExample> load(Path intentsDir) {
        if (!Files.isDirectory(intentsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(intentsDir)) {
            List<LabelledExample> examples = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                examples.addAll(parse(file, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read intent examples in " + intentsDir.toAbsolutePath(), e);
        }
    }

    public static List<LabelledExample> parse(Path file, String csv) {
        List<List<String>> rows = CsvRows.parse(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        int text = header.indexOf("text");
        int intent = header.indexOf("intent");
        if (text < 0 || intent < 0) {
            throw new IllegalArgumentException(file + ": the header must name the columns text and intent, found " + header);
        }
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() <= Math.max(text, intent) || row.get(text).isBlank() || row.get(intent).isBlank()) {
                throw new IllegalArgumentException(file + ": row " + (i + 1) + " needs both a text and an intent: " + row);
            }
            examples.add(new LabelledExample(row.get(text).strip(), row.get(intent).strip()));
        }
        return examples;
    }
}
