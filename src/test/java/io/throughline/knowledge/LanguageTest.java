package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How long does shipping take?                   | en
            Hoe lang duurt de verzending?                  | nl
            Wie lange dauert der Versand?                  | de
            Combien de temps prend la livraison ?          | fr
            ¿Cuánto tarda el envío?                        | es
            Kan ik mijn abonnement een tijdje pauzeren?    | nl
            Meine Bestellung kam beschädigt an, was nun?   | de
            """)
    void tellsTheShippedLanguagesApart(String text, String code) {
        assertThat(Language.of(text, Language.ENGLISH).code()).isEqualTo(code);
    }

    @Test
    void aTextTooShortToTellKeepsTheFallback() {
        assertThat(Language.of("ok", Language.DUTCH)).isEqualTo(Language.DUTCH);
        assertThat(Language.of("E2 🙁", Language.GERMAN)).isEqualTo(Language.GERMAN);
        assertThat(Language.of(null, Language.FRENCH)).isEqualTo(Language.FRENCH);
    }

    @Test
    void knowsOnlyTheLanguagesItShips() {
        assertThat(Language.ofCode("NL")).contains(Language.DUTCH);
        assertThat(Language.ofCode("it")).isEmpty();
    }
}
