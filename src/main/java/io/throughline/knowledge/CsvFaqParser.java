package io.throughline.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV FAQ sheet: each row with a question and an answer is one section, headed by the question. */
final class CsvFaqParser {

    ParsedDocument parse(String csv, String fallbackTitle) throws RejectedSource {
        // a spreadsheet saved as CSV often starts with a byte order mark
        String content = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(content))) {
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.isEmpty() ? List.of() : records.get(0).toList();
            FaqColumns columns = FaqColumns.find(header);
            if (columns == null) {
                throw new RejectedSource("not an FAQ sheet: " + FaqColumns.expected(header));
            }
            SectionCollector collector = new SectionCollector();
            records.stream().skip(1).forEach(record -> columns.row(record.toList(), collector));
            return new ParsedDocument(fallbackTitle, collector.sections());
        } catch (IOException | UncheckedIOException e) {
            throw new RejectedSource("not valid CSV: " + e.getMessage(), e);
        }
    }
}
