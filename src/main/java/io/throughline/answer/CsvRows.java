package io.throughline.answer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files designers keep (intent examples, question sets): RFC 4180 quoting, so a field may hold commas,
 * doubled quotes and line breaks; blank lines are skipped and a byte-order mark is ignored.
 */
public final class CsvRows {

    private CsvRows() {
    }

    public static List<List<String>> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("not readable as CSV: " + e.getMessage(), e);
        }
    }
}
