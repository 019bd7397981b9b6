package io.throughline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledQuestionsTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedQuestionsAndTakesAnEmptySourceAsOutOfScope() throws IOException {
        Path file = write("""
                question,expected_source,expected_section
                "Hi, my ""Compact"" leaks.
                What now?",troubleshooting-espresso-machine.md,Water leaking under the machine
                Tell me a joke,,
                Are your prices including VAT?,pricing-and-plans.md,
                """);

        assertThat(LabelledQuestions.read(file)).containsExactly(
                new LabelledQuestion("Hi, my \"Compact\" leaks.\nWhat now?", "troubleshooting-espresso-machine.md",
                        "Water leaking under the machine"),
                new LabelledQuestion("Tell me a joke", null, null),
                new LabelledQuestion("Are your prices including VAT?", "pricing-and-plans.md", null));
        assertThat(LabelledQuestions.read(file).get(1).inScope()).isFalse();
    }

    @Test
    void aFileWithoutTheHeaderOrWithAShortRowIsRefused() throws IOException {
        assertThatThrownBy(() -> LabelledQuestions.read(write("question,expected\nHow long is shipping?,shipping.md")))
                .hasMessageContaining("must start with the header");
        assertThatThrownBy(() -> LabelledQuestions.read(write(LabelledQuestions.HEADER + "\nHow long is shipping?\n")))
                .hasMessageContaining("row 2");
    }

    private Path write(String csv) throws IOException {
        return Files.writeString(dir.resolve("questions.csv"), csv);
    }
}
