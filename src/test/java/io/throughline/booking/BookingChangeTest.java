package io.throughline.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookingChangeTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"Can we reschedule?|RESCHEDULE", "please move it to another day|RESCHEDULE",
            "I can't make it, please cancel|CANCEL", "cancel|CANCEL", "call it off|CANCEL",
            "what beans do you recommend|OTHER"})
    void change(String text, BookingChange change) {
        assertThat(BookingChange.of(text)).isEqualTo(change);
    }
}
