package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersGuardTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "19 | 19", "19.00 | 19", "19,00 | 19", "14.50 | 14.5", "14,50 | 14.5", "1,290 | 1290", "1.290 | 1290",
            "1,290.00 | 1290", "1.290,00 | 1290", "1,234,567 | 1234567", "0.125 | 0.125", "10 | 10", "100 | 100"})
    void normalisesHowANumberIsWritten(String written, String normalised) {
        assertThat(NumbersGuard.normalise(written)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The Basic plan costs €19. | Basic costs 19 EUR per month.",
            "Basic is 19.00 EUR. | Basic costs 19 EUR per month.",
            "It costs EUR 1,290. | The Dual Boiler costs 1.290,00 EUR.",
            "Students get 10 percent off. | Students get 10% off.",
            "You get two bags. | two 250 g bags",
            "You get 2 bags. | two 250 g bags",
            "We reopen on 2 March 2026. | Closed until 2026-03-02.",
            "We reopen on March 2nd, 2026. | Closed until 2 March 2026.",
            "We reopen on 02/03/2026. | Closed until 2 March 2026.",
            "We reopen on March 2. | Closed until 2 March 2026.",
            "Open until 5 pm. | Open 9:00-17:00.",
            "Open from 9am. | Open 9:00-17:00.",
            "Delivery takes 3-5 business days. | Delivery takes 3 to 5 business days."})
    void acceptsAFactItsSourceStatesInAnotherForm(String answer, String source) {
        assertThat(NumbersGuard.unsupported(answer, List.of(source))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The Basic plan costs €12. | Basic costs 19 EUR per month. | €12",
            "Basic costs 19.50 EUR. | Basic costs 19 EUR per month. | 19.50",
            "Students get 15% off. | Students get 10% off. | 15%",
            "You get three bags. | two 250 g bags | three",
            "We reopen on 3 March 2026. | Closed until 2 March 2026. | 3 March 2026",
            "We reopen on 2 March 2027. | Closed until 2 March 2026. | 2 March 2027",
            "We reopen on 2 March 2026. | Closed until 2 March. | 2 March 2026",
            "Open until 6 pm. | Open 9:00-17:00. | 6 pm",
            "Call before 2026. | Nothing numeric here. | 2026"})
    void findsTheFirstFactNoSourceStates(String answer, String source, String unsupported) {
        assertThat(NumbersGuard.unsupported(answer, List.of(source))).contains(unsupported);
    }

    @Test
    void aFactMayComeFromAnyOfTheSources() {
        assertThat(NumbersGuard.unsupported("Basic is 19 EUR and VIP 59 EUR.",
                List.of("Basic costs 19 EUR.", "VIP costs 59 EUR."))).isEmpty();
        assertThat(NumbersGuard.unsupported("Basic is 19 EUR and VIP 59 EUR.", List.of("Basic costs 19 EUR.")))
                .contains("59");
    }

    @Test
    void aDateIsOneFactNotThreeNumbers() {
        assertThat(NumbersGuard.facts("Closed on 2026-03-02 and on 24 December."))
                .extracting(NumbersGuard.Fact::written)
                .containsExactlyInAnyOrder("2026-03-02", "24 December");
    }

    @Test
    void theNumbersOfAListAreNotFacts() {
        assertThat(NumbersGuard.unsupported("1. Descale the machine.\n2) Rinse it three times.",
                List.of("Descale the machine, then rinse it three times."))).isEmpty();
        assertThat(NumbersGuard.unsupported("Rinse it 1. time", List.of("Rinse it."))).contains("1");
    }
}
