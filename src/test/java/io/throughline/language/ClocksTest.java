package io.throughline.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClocksTest {

    @ParameterizedTest(name = "\"{0}\" is {1}:{2}")
    @CsvSource(delimiter = '|', value = {"10:30|10|30", "5 pm|17|0", "9am|9|0", "5:30 p.m.|17|30", "14.30 uur|14|30",
            "om 10 uur|10|0", "14 Uhr|14|0", "14 Uhr 30|14|30", "um zehn Uhr|10|0", "15h30|15|30", "15 h|15|0",
            "10 heures|10|0", "a las 10|10|0", "a las diez|10|0", "a las 3 de la tarde|15|0", "om 3 uur 's middags|15|0"})
    void readsATime(String written, int hour, int minute) {
        assertThat(Clocks.find(Text.fold(written))).singleElement().satisfies(time -> {
            assertThat(time.hour()).isEqualTo(hour);
            assertThat(time.minute()).isEqualTo(minute);
        });
    }

    @Test
    void aRangeEndingInATimeStartsWithOne() {
        assertThat(Clocks.find(Text.fold("von 9 bis 17 Uhr"))).extracting(Clocks.Time::hour).containsExactly(9, 17);
        assertThat(Clocks.find(Text.fold("de 9 à 17h"))).extracting(Clocks.Time::hour).containsExactly(9, 17);
    }

    @Test
    void aPriceIsNoTimeAndABareHourMayBeADuration() {
        assertThat(Clocks.find("it costs 14.30 eur; 14:30 for 48 uur")).extracting(Clocks.Time::hour).containsExactly(14);
        assertThat(Clocks.find("binnen 24 uur")).singleElement().extracting(Clocks.Time::alsoDuration).isEqualTo(true);
        assertThat(Clocks.find("um 14 uhr")).singleElement().extracting(Clocks.Time::alsoDuration).isEqualTo(false);
        assertThat(Clocks.findInReply("dinsdag 10.30")).extracting(Clocks.Time::minute).containsExactly(30);
        assertThat(Clocks.findInReply("om 10")).extracting(Clocks.Time::hour).containsExactly(10);
        assertThat(Clocks.find("om 10")).isEmpty();
    }
}
