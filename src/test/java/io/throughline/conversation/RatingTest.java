package io.throughline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatingTest {

    @ParameterizedTest(name = "\"{0}\" is {1} \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "5|5|", "  3 |3|", "4 - quick and friendly|4|quick and friendly", "4 – quick and friendly|4|quick and friendly",
            "2: slow answers|2|slow answers", "5/5|5|", "4/5 good|4|good", "3 out of 5|3|", "1 star|1|",
            "5 stars!|5|", "5!|5|", "⭐⭐⭐|3|", "⭐️⭐️⭐️⭐️|4|", "⭐ ⭐|2|", "★★★★★ perfect|5|perfect",
            "⭐⭐⭐⭐ - very helpful|4|very helpful", "4 great service|4|great service"})
    void aRatingAsCustomersWriteIt(String text, int score, String comment) {
        assertThat(Rating.parse(text)).contains(new Rating(score, comment == null ? "" : comment));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "great", "6", "0", "10/10", "Where is my refund?", "5 bags, when do they ship?",
            "12 cups a day", "thanks!", "⭐⭐⭐⭐⭐⭐", "order 12345"})
    void anythingElseIsNoRating(String text) {
        assertThat(Rating.parse(text)).isEmpty();
    }
}
