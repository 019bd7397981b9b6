package io.throughline.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotChoiceTest {

    private static final List<String> OFFERED = List.of("Tue 3 Mar, 10:00", "Tue 3 Mar, 10:30", "Wed 4 Mar, 10:00");
    /** As a calendar in another language would print them, and with afternoon slots. */
    private static final List<String> AFTERNOON = List.of("Mi., 4. März, 14:00", "mer. 4 mars, 15:30", "jue 5 mar, 15:00");

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"2|CHOSEN|1", "2 please|CHOSEN|1", "option 3|CHOSEN|2", "#1|CHOSEN|0",
            "the first one|CHOSEN|0", "second works for me|CHOSEN|1", "the last one|CHOSEN|2", "Wednesday 10:00|CHOSEN|2",
            "10:30 is good|CHOSEN|1", "4|OTHER|-1", "10:00|OTHER|-1", "other times?|MORE|-1", "none of these work|MORE|-1",
            "anything next week|MORE|-1", "no thanks|DECLINE|-1", "never mind|DECLINE|-1",
            "How long does shipping take?|OTHER|-1", "Can I bring a friend?|OTHER|-1"})
    void choice(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, OFFERED)).isEqualTo(new SlotChoice(kind, index));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"two please|CHOSEN|1", "Tue 3rd March 10:30|CHOSEN|1", "wed at 10|CHOSEN|2",
            "10.30|CHOSEN|1", "the 3rd of March|OTHER|-1", "last week was better|OTHER|-1", "five|OTHER|-1"})
    void englishAlsoReadsNumberWordsAndDates(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, OFFERED)).isEqualTo(new SlotChoice(kind, index));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"de tweede|CHOSEN|1", "De eerste graag|CHOSEN|0", "nummer 2|CHOSEN|1",
            "optie 3|CHOSEN|2", "nummer twee|CHOSEN|1", "drie graag|CHOSEN|2", "de 2e|CHOSEN|1", "de laatste|CHOSEN|2",
            "woensdag om 10 uur|CHOSEN|2", "dinsdag 10.30|CHOSEN|1", "4 maart om 10:00|CHOSEN|2", "om half elf|OTHER|-1",
            "andere tijden?|MORE|-1", "Liever een andere dag|MORE|-1", "volgende week|MORE|-1", "geen van deze|MORE|-1",
            "nee bedankt|DECLINE|-1", "laat maar|DECLINE|-1", "optie 4|OTHER|-1", "om 10 uur|OTHER|-1",
            "donderdag om 10 uur|OTHER|-1", "Hoe lang duurt de levering?|OTHER|-1"})
    void dutch(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, OFFERED)).isEqualTo(new SlotChoice(kind, index));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"die erste|CHOSEN|0", "Die zweite bitte|CHOSEN|1", "Nummer 2|CHOSEN|1",
            "Option drei|CHOSEN|2", "zwei|CHOSEN|1", "die 2.|CHOSEN|1", "den 2. Termin|CHOSEN|1", "den letzten|CHOSEN|2",
            "Mittwoch um 10 Uhr|CHOSEN|2", "Dienstag, 3. März um 10:30|CHOSEN|1", "am Mittwoch um zehn Uhr|CHOSEN|2",
            "andere Zeiten?|MORE|-1", "lieber später|MORE|-1", "nächste Woche|MORE|-1", "keiner davon passt|MORE|-1",
            "nein danke|DECLINE|-1", "vergiss es|DECLINE|-1", "letzte Woche|OTHER|-1", "um 10 Uhr|OTHER|-1",
            "Freitag um 10 Uhr|OTHER|-1", "Wie lange dauert der Versand?|OTHER|-1"})
    void german(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, OFFERED)).isEqualTo(new SlotChoice(kind, index));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"le premier|CHOSEN|0", "la deuxième svp|CHOSEN|1", "le second|CHOSEN|1",
            "numéro 2|CHOSEN|1", "l'option 3|CHOSEN|2", "deux|CHOSEN|1", "le dernier|CHOSEN|2", "la 2e|CHOSEN|1",
            "mercredi à 10h|CHOSEN|2", "mardi à 10h30|CHOSEN|1", "le 4 mars à 10h|CHOSEN|2", "Mercredi 10 heures|CHOSEN|2",
            "autres horaires ?|MORE|-1", "un autre jour|MORE|-1", "plus tard|MORE|-1", "la semaine prochaine|MORE|-1",
            "non merci|DECLINE|-1", "laisse tomber|DECLINE|-1", "à 10h|OTHER|-1", "vendredi à 10h|OTHER|-1",
            "numéro 7|OTHER|-1", "Je peux venir avec un ami ?|OTHER|-1"})
    void french(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, OFFERED)).isEqualTo(new SlotChoice(kind, index));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"la segunda|CHOSEN|1", "El primero, por favor|CHOSEN|0", "la primera|CHOSEN|0",
            "número 2|CHOSEN|1", "opción 3|CHOSEN|2", "la dos|CHOSEN|1", "tres|CHOSEN|2", "la última|CHOSEN|2",
            "el miércoles a las 10|CHOSEN|2", "miercoles a las 10|CHOSEN|2", "martes a las 10:30|CHOSEN|1",
            "el 4 de marzo a las 10|CHOSEN|2", "¿otras horas?|MORE|-1", "otro día|MORE|-1", "más tarde|MORE|-1",
            "la semana que viene|MORE|-1", "ninguna de estas|MORE|-1", "no gracias|DECLINE|-1", "olvídalo|DECLINE|-1",
            "a las 10|OTHER|-1", "a las diez y cuarto|OTHER|-1", "el jueves a las 10|OTHER|-1",
            "¿Puedo ir con un amigo?|OTHER|-1"})
    void spanish(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, OFFERED)).isEqualTo(new SlotChoice(kind, index));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', value = {"Mittwoch 14 Uhr|CHOSEN|0", "om 2 uur|CHOSEN|0", "à 15h30|CHOSEN|1",
            "le 4 mars à 15h30|CHOSEN|1", "a las 3 de la tarde|CHOSEN|2", "el jueves a las tres|CHOSEN|2",
            "3 pm|CHOSEN|2", "at 3 am|OTHER|-1", "mercredi 15h|OTHER|-1"})
    void slotsPrintedInAnotherLanguageInTheAfternoon(String text, SlotChoice.Kind kind, int index) {
        assertThat(SlotChoice.of(text, AFTERNOON)).isEqualTo(new SlotChoice(kind, index));
    }
}
