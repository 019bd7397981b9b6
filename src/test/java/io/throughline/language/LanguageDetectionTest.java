package io.throughline.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectionTest {

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
        assertThat(Language.of(text, Language.EN).code()).isEqualTo(code);
    }

    @Test
    void aTextTooShortToTellKeepsTheFallback() {
        assertThat(Language.of("ok", Language.NL)).isEqualTo(Language.NL);
        assertThat(Language.of("E2 🙁", Language.DE)).isEqualTo(Language.DE);
        assertThat(Language.of(null, Language.FR)).isEqualTo(Language.FR);
    }

    @Test
    void knowsOnlyTheLanguagesItShips() {
        assertThat(Language.ofCode("NL")).contains(Language.NL);
        assertThat(Language.ofCode("it")).isEmpty();
    }
}
