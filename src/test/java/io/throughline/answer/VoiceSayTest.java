package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journeys' phrases: from voice.yml, else a default, with their placeholders filled. */
class VoiceSayTest {

    @TempDir
    Path dir;

    @Test
    void aPhraseFromTheFileHasItsPlaceholdersFilled() throws IOException {
        Files.writeString(dir.resolve("voice.yml"), "bookingConfirmed: \"You're booked: {kind} on {slot}.\"\n");

        String said = new Voice(dir.resolve("voice.yml")).say("bookingConfirmed", Map.of("kind", "demo", "slot", "Tue 3 Mar, 10:00"));

        assertThat(said).isEqualTo("You're booked: demo on Tue 3 Mar, 10:00.");
    }

    @Test
    void aPhraseTheFileLeavesOutHasADefaultAndAMissingValueIsLeftOut() {
        String said = new Voice(dir.resolve("none.yml")).say("renewalReminder", Map.of("renewsOn", "1 April"));

        assertThat(said).startsWith("A reminder: your plan renews on 1 April.").doesNotContain("{");
    }

    @Test
    void anUnknownPhraseIsAnErrorNamingTheFile() {
        Voice voice = new Voice(dir.resolve("voice.yml"));

        assertThatThrownBy(() -> voice.say("bookingConfirmd", Map.of()))
                .hasMessageContaining("bookingConfirmd").hasMessageContaining("voice.yml");
    }

    @Test
    void theDemoVoiceHasEveryJourneyPhrase() {
        Voice voice = new Voice(Path.of("knowledge", "voice.yml"));

        for (String phrase : new String[] {"followUp", "csatQuestion", "csatThanks", "afterHoursHandoff", "switchedChannel",
                "didThatHelp", "fixed", "askOrderNumber", "askDevice", "askError", "qualifyingQuestions", "offerDemo",
                "offerSlots", "offerSlotsAgain", "noSlots", "bookingConfirmed", "bookingExisting", "bookingCancelled",
                "bookingReminder", "onboardingWelcome", "onboardingChecklist", "onboardingNudge", "onboardingProgress",
                "onboardingDone", "renewalReminder"}) {
            assertThat(voice.say(phrase, Map.of())).as(phrase).isNotBlank();
        }
    }
}
