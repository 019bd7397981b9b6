package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
        List<List<String>> rows = CsvRows.parse("text,intent\r\n\"Hi, \"\"agent\"\" please\",human\n\"two\nlines\",account\n\n");

        assertThat(rows).containsExactly(
                List.of("text", "intent"),
                List.of("Hi, \"agent\" please", "human"),
                List.of("two\nlines", "account"));
    }
}
