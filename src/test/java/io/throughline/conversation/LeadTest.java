package io.throughline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "We're a team of 25 in an office|25|office", "just me, for home|1|home", "about 40 people|40|",
            "for our café|  |cafe", "12|12|", "3 people at home|3|home", "2 of us|2|", "we are 8 colleagues at work|8|office",
            "a restaurant with 15 staff|15|restaurant", "me and my partner|2|", "a gift for my dad||gift"})
    void teamSizeAndUse(String text, Integer teamSize, String useCase) {
        Lead lead = Lead.from(text);

        assertThat(lead.teamSize()).isEqualTo(teamSize);
        assertThat(lead.useCase()).isEqualTo(useCase == null || useCase.isBlank() ? null : useCase);
        assertThat(lead.qualified()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"Where is my order?", "Do you sell decaf beans?", "order 12345 is late"})
    void anotherQuestionQualifiesNothing(String text) {
        assertThat(Lead.from(text).qualified()).isFalse();
    }
}
