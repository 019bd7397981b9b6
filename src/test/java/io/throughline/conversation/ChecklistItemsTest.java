package io.throughline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecklistItemsTest {

    @ParameterizedTest(name = "\"{0}\" reports {1}")
    @CsvSource(delimiter = '|', value = {"done 1 and 2|[1, 2]", "1, 3|[1, 3]", "I did 2|[2]", "step 3 ✓|[3]",
            "All done, thanks!|[1, 2, 3]", "finished all|[1, 2, 3]", "done 7|[]", "How do I descale the machine?|[]",
            "I drank 2 cups|[]", "done with 2.5 shots|[]"})
    void itemsReportedDone(String text, String items) {
        assertThat(Checklists.itemsIn(text, 3).toString()).isEqualTo(items);
    }
}
