package io.throughline.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotChoiceTest {

    private static final List<String> OFFERED = List.of("Tue 3 Mar, 10:00", "Tue 3 Mar, 10:30", "Wed 4 Mar, 10:00");

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"2|CHOSEN|1", "2 please|CHOSEN|1", "option 3|CHOSEN|2", "#1|CHOSEN|0",
            "the first one|CHOSEN|0", "second works for me|CHOSEN|1", "the last one|CHOSEN|2", "Wednesday 10:00|CHOSEN|2",
            "10:30 is good|CHOSEN|1", "4|OTHER|-1", "10:00|OTHER|-1", "other times?|MORE|-1", "none of these work|MORE|-1",
            "anything next week|MORE|-1", "no thanks|DECLINE|-1", "never mind|DECLINE|-1",
            "How long does shipping take?|OTHER|-1", "Can I bring a friend?|OTHER|-1"})
    void choice(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, OFFERED)).isEqualTo(new SlotChoice(kind, index));
    }
}
