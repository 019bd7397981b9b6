package io.throughline.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Twilio's standard keywords, alone in a message, in any case; anything more is an ordinary message. */
class ConsentKeywordTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOPALL", "unsubscribe", "Cancel", "END", "quit!"})
    void optOutKeywords(String text) {
        assertThat(ConsentKeyword.of(text)).hasValueSatisfying(keyword -> assertThat(keyword.optsOut()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", "Unstop"})
    void optInKeywords(String text) {
        assertThat(ConsentKeyword.of(text)).hasValueSatisfying(keyword -> assertThat(keyword.optsOut()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please stop sending me offers", "stop it now", "cancel my order", "", "   ", "the end",
            "STOP STOP"})
    void sentencesAreOrdinaryMessages(String text) {
        assertThat(ConsentKeyword.of(text)).isEmpty();
    }
}
