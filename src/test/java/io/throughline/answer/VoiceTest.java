package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughline.knowledge.KnowledgeSettings;

class VoiceTest {

    @Test
    void speaksWithThePhrasesOfTheDemoVoiceFile() {
        Voice voice = new Voice(KnowledgeSettings.of(Path.of("knowledge")));

        assertThat(voice.handoff()).isEqualTo("Let me bring in a person from our team — they'll reply right here.");
        assertThat(voice.askForDetails())
                .isEqualTo("Could you tell me a bit more — for example your order number or what you see on the screen?");
        assertThat(voice.greeting()).contains("Larkspur");
        assertThat(voice.afterHours()).contains("9:00-17:00 CET");
        assertThat(voice.dontKnow()).isNotBlank();
        assertThat(voice.csatQuestion()).contains("1").contains("5");
        assertThat(voice.answerIntro()).isEqualTo("Here's what I found:");
    }

    @Test
    void fallsBackToDefaultsForMissingPhrasesOrAMissingFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("voice.yml"), "greeting: Hello there\n");

        Voice partial = new Voice(dir.resolve("voice.yml"));
        Voice none = new Voice(dir.resolve("absent.yml"));

        assertThat(partial.greeting()).isEqualTo("Hello there");
        assertThat(partial.handoff()).isEqualTo("Let me bring in a person from our team — they'll reply right here.");
        assertThat(partial.answerIntro()).isEmpty();
        assertThat(none.greeting()).isEqualTo("Hi! How can we help?");
    }

    @Test
    void rejectsAVoiceFileThatIsNotAMapping(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("voice.yml"), "- just\n- a list\n");

        assertThatIllegalArgumentException().isThrownBy(() -> new Voice(dir.resolve("voice.yml")));
    }
}
