package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionFocusTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hi, I'm Sam. How long does shipping take?              | How long does shipping take?
            Hello there! My name is Ana Lopez. Can I pause my plan? | Can I pause my plan?
            hey, quick question: do you ship to Norway? thanks!     | do you ship to Norway?
            Hallo, ik ben Joost. Hoe lang duurt de verzending?      | Hoe lang duurt de verzending?
            Guten Tag, ich bin Lena. Wie lange dauert der Versand? Danke | Wie lange dauert der Versand?
            Bonjour, je m'appelle Luc. Combien coûte la livraison ? | Combien coûte la livraison ?
            Hola, soy Marta. ¿Cuánto tarda el envío? Gracias        | ¿Cuánto tarda el envío?
            How long does shipping take?                            | How long does shipping take?
            Hi!                                                     | Hi!
            Thanks                                                  | Thanks
            """)
    void keepsOnlyTheQuestion(String message, String question) {
        assertThat(QuestionFocus.of(message)).isEqualTo(question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I'm locked out of my account, what now?
            This is broken again, can you help?
            Hi-fi speakers: do you sell them?
            """)
    void leavesWhatIsPartOfTheQuestion(String message) {
        assertThat(QuestionFocus.of(message)).isEqualTo(message);
    }
}
