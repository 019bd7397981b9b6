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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"4,95 | 4.95", "1\u00a0290,00 | 1290", "1\u202f234\u202f567 | 1234567"})
    void normalisesDecimalCommasAndSpacedThousands(String written, String normalised) {
        assertThat(NumbersGuard.normalise(written)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Wij zijn weer open op 2 maart 2026. | Closed until 2026-03-02.",
            "Levering duurt drie tot vijf werkdagen. | Delivery takes 3 to 5 business days.",
            "Het Basic-abonnement kost € 4,95 per maand. | Basic costs 4.95 EUR per month.",
            "U krijgt twee zakken. | two 250 g bags",
            "Wij zijn open tot 17.00 uur. | Open 9:00-17:00.",
            "Wij zijn open van 9 tot 17 uur. | Open 9:00-17:00.",
            "U hoort binnen 24 uur van ons. | We answer within 24 hours.",
            "Retourneren kan binnen veertien dagen. | Returns within 14 days.",
            "Het kost drieëntwintig euro. | It costs 23 EUR.",
            "Onze winkel is ten slotte op 2 maart dicht. | Closed on 2 March 2026.",
            "Wij zijn dicht op 2-3-2026. | Closed on 2 March 2026."})
    void acceptsADutchAnswerItsSourcesSupport(String answer, String source) {
        assertThat(NumbersGuard.unsupported(answer, List.of(source))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Wir öffnen wieder am 2. März 2026. | Closed until 2 March 2026.",
            "2. März: geschlossen. | Closed until 2 March 2026.",
            "Die Lieferung dauert drei Tage. | Delivery takes 3 days.",
            "Geöffnet bis 17 Uhr. | Open 9:00-17:00.",
            "Geöffnet von 9 bis 17 Uhr. | Open 9:00-17:00.",
            "Der Dual Boiler kostet 1.290,00 €. | The Dual Boiler costs EUR 1,290.",
            "Sie bekommen zwei Beutel. | two 250 g bags",
            "Das kostet zweiundzwanzig Euro. | It costs 22 EUR.",
            "Wir sind am 02.03.2026 geschlossen. | Gesloten op 2 maart 2026."})
    void acceptsAGermanAnswerItsSourcesSupport(String answer, String source) {
        assertThat(NumbersGuard.unsupported(answer, List.of(source))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nous rouvrons le 2 mars 2026. | Closed until 2 March 2026.",
            "Fermé le 1er mars. | Closed on 1 March.",
            "La livraison prend de trois à cinq jours ouvrés. | Delivery takes 3 to 5 business days.",
            "Ouvert jusqu'à 17h. | Open 9:00-17:00.",
            "Ouvert de 9h à 17h30. | Open 9:00-17:30.",
            "La Dual Boiler coûte 1 290 €. | The Dual Boiler costs 1.290,00 EUR.",
            "C'est très simple : vous recevez deux sachets. | two 250 g bags",
            "Cela coûte vingt-trois euros. | It costs 23 EUR.",
            "Vous avez quatre-vingt-dix jours pour changer d'avis. | You have 90 days to change your mind.",
            "Votre machine sera remplacée par un appareil neuf. | A faulty machine is replaced.",
            "Réponse sous 24 heures. | We answer within 24 hours."})
    void acceptsAFrenchAnswerItsSourcesSupport(String answer, String source) {
        assertThat(NumbersGuard.unsupported(answer, List.of(source))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Reabrimos el 2 de marzo de 2026. | Closed until 2 March 2026.",
            "Recibe dos bolsas. | two 250 g bags",
            "La entrega tarda de tres a cinco días. | Delivery takes 3 to 5 business days.",
            "Abrimos a las 9 y cerramos a las 17:00. | Open 9:00-17:00.",
            "El plan Basic cuesta 4,95 € al mes. | Basic costs 4.95 EUR per month.",
            "Cuesta treinta y dos euros. | It costs 32 EUR.",
            "Tarda once días. | It takes 11 days.",
            "Once you descale it, rinse it twice. | Descale the machine, then rinse it twice."})
    void acceptsASpanishAnswerItsSourcesSupport(String answer, String source) {
        assertThat(NumbersGuard.unsupported(answer, List.of(source))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Het kost € 5,95 per maand. | Basic costs 4.95 EUR per month. | € 5,95",
            "Wij zijn weer open op 3 maart 2026. | Closed until 2 March 2026. | 3 maart 2026",
            "U krijgt drie zakken. | two 250 g bags | drie",
            "Wij zijn open tot 18.00 uur. | Open 9:00-17:00. | 18.00 uur",
            "Het kost drieëntwintig euro. | It costs 22 EUR. | drieëntwintig",
            "Die Lieferung dauert vier Tage. | Delivery takes 3 days. | vier",
            "Wir öffnen wieder am 3. März 2026. | Closed until 2 March 2026. | 3. März 2026",
            "Geöffnet bis 18 Uhr. | Open 9:00-17:00. | 18 Uhr",
            "Das kostet 1.390,00 €. | The Dual Boiler costs EUR 1,290. | 1.390,00",
            "Nous rouvrons le 3 mars 2026. | Closed until 2 March 2026. | 3 mars 2026",
            "La livraison prend quatre jours. | Delivery takes 3 days. | quatre",
            "Ouvert jusqu'à 18h. | Open 9:00-17:00. | 18h",
            "Cela coûte vingt-quatre euros. | It costs 23 EUR. | vingt-quatre",
            "La livraison prend onze jours. | Delivery takes 12 days. | onze",
            "Reabrimos el 3 de marzo de 2026. | Closed until 2 March 2026. | 3 de marzo de 2026",
            "Recibe tres bolsas. | two 250 g bags | tres",
            "Cerramos a las 18. | Open 9:00-17:00. | a las 18",
            "Cuesta treinta y tres euros. | It costs 32 EUR. | treinta y tres"})
    void blocksANumberNoSourceStatesInEveryLanguage(String answer, String source, String unsupported) {
        assertThat(NumbersGuard.unsupported(answer, List.of(source))).contains(unsupported);
    }

    @Test
    void aDateInAnyLanguageIsOneFact() {
        assertThat(NumbersGuard.facts("Geschlossen am 2. März und am 24. Dezember."))
                .extracting(NumbersGuard.Fact::written)
                .containsExactlyInAnyOrder("2. März", "24. Dezember");
        assertThat(NumbersGuard.facts("Fermé le 1er mars et le 25 décembre 2026."))
                .extracting(NumbersGuard.Fact::written)
                .containsExactlyInAnyOrder("1er mars", "25 décembre 2026");
        assertThat(NumbersGuard.facts("Cerrado el 6 de enero de 2026 y el 2 de marzo."))
                .extracting(NumbersGuard.Fact::written)
                .containsExactlyInAnyOrder("6 de enero de 2026", "2 de marzo");
    }

    @Test
    void aWordIsReadAsANumberOnlyInItsOwnLanguage() {
        assertThat(NumbersGuard.facts("Onze klantenservice helpt u ten slotte graag.")).isEmpty();
        assertThat(NumbersGuard.facts("Nous livrons en onze jours.")).extracting(NumbersGuard.Fact::keys)
                .containsExactly(java.util.Set.of("11"));
        assertThat(NumbersGuard.facts("Once it is descaled, it is très simple to use.")).isEmpty();
        assertThat(NumbersGuard.facts("Tardamos once días.")).extracting(NumbersGuard.Fact::keys)
                .containsExactly(java.util.Set.of("11"));
    }
}
