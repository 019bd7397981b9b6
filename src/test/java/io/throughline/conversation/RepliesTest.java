package io.throughline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepliesTest {

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"yes|YES", "Yes please|YES", "yep|YES", "that worked!|YES", "It works now|YES",
            "sure|YES", "👍|YES", "ok|YES", "no|NO", "No, still broken|NO", "nope|NO", "didn't work|NO",
            "still leaking|NO", "no thanks|NO", "👎|NO", "yes, but how do I descale?|OTHER", "Where is my order|OTHER",
            "|OTHER", "maybe|OTHER", "nothing happens|OTHER"})
    void meaning(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }
}
