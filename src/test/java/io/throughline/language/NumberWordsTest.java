package io.throughline.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberWordsTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"three|3", "twenty-three|23", "twenty three|23", "two hundred and five|205",
            "drie|3", "drieëntwintig|23", "drieentwintig|23", "tweehonderd|200", "zwölf|12", "zwoelf|12", "zwolf|12",
            "dreiundzwanzig|23", "dreißig|30", "dreissig|30", "zweitausend|2000", "trois|3", "dix-sept|17",
            "vingt et un|21", "vingt-et-un|21", "soixante-dix|70", "soixante et onze|71", "quatre-vingts|80",
            "quatre-vingt-dix-neuf|99", "trois cent quatre-vingts|380", "septante|70", "dos|2", "veintitrés|23",
            "veintitres|23", "treinta y dos|32", "dieciséis|16", "doscientos cincuenta|250", "dos mil doscientos|2200"})
    void readsARunOfWordsAsOneNumber(String written, long value) {
        assertThat(NumberWords.find(written, EnumSet.allOf(Language.class)))
                .singleElement().satisfies(found -> {
                    assertThat(found.value()).isEqualTo(value);
                    assertThat(written.substring(found.start(), found.end())).isEqualTo(written);
                });
    }

    @Test
    void wordsThatDoNotJoinAreTwoNumbers() {
        assertThat(NumberWords.find("two three", Set.of(Language.EN))).extracting(NumberWords.Found::value)
                .containsExactly(2L, 3L);
        assertThat(NumberWords.find("cinco y seis", Set.of(Language.ES))).extracting(NumberWords.Found::value)
                .containsExactly(5L, 6L);
    }

    @Test
    void aWordForOneIsMostlyAnArticle() {
        assertThat(NumberWords.find("one day, een dag, ein Tag, un jour, una semana", EnumSet.allOf(Language.class)))
                .isEmpty();
    }

    @Test
    void aWordThatIsOrdinaryInTheTextsLanguageIsNoNumber() {
        assertThat(NumberWords.find("Onze winkel", Set.of(Language.NL))).isEmpty();
        assertThat(NumberWords.find("onze jours", Set.of(Language.FR))).extracting(NumberWords.Found::value)
                .containsExactly(11L);
        assertThat(NumberWords.find("once more", Set.of(Language.EN))).isEmpty();
        assertThat(NumberWords.find("once días", Set.of(Language.ES))).extracting(NumberWords.Found::value)
                .containsExactly(11L);
        assertThat(NumberWords.find("très bien", Set.of(Language.FR))).isEmpty();
        assertThat(NumberWords.find("un appareil neuf. Neuf jours.", Set.of(Language.FR)))
                .extracting(NumberWords.Found::value).containsExactly(9L);
    }

    @ParameterizedTest(name = "\"{0}\" is the ordinal {1}")
    @CsvSource(delimiter = '|', value = {"second|2", "tweede|2", "2e|2", "zweite|2", "deuxieme|2", "segunda|2", "1er|1",
            "1º|1", "funfte|5", "fuenfte|5"})
    void ordinals(String folded, int position) {
        assertThat(NumberWords.ordinal(folded)).isEqualTo(position);
    }

    @Test
    void languagesAreGuessedFromTheirLittleWords() {
        assertThat(Language.guess("Het kost 4,95 per maand en u betaalt niet meer")).containsExactly(Language.NL);
        assertThat(Language.guess("Die Lieferung dauert drei Tage und ist kostenlos")).containsExactly(Language.DE);
        assertThat(Language.guess("La livraison est gratuite pour vous")).containsExactly(Language.FR);
        assertThat(Language.guess("El envío es gratis para usted")).containsExactly(Language.ES);
        assertThat(Language.guess("Delivery is free for you")).containsExactly(Language.EN);
        assertThat(Language.guess("42")).isEmpty();
    }
}
