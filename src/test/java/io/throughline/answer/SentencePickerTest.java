package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.SharedEmbeddings;

class SentencePickerTest {

    private static final String LONG_SECTION = """
            Check that the power cable is fully inserted at the back of the machine and that the socket works. \
            The Compact has a main switch under the drip tray. \
            A shot should take 25-30 seconds for 36 g of espresso from 18 g of coffee. \
            E1 means the water tank is empty, E2 means the boiler did not reach temperature within 10 minutes. \
            Replacement gaskets cost 6 EUR and should be changed every 12 months. \
            Descale every 2 months with hard water and every 4 months with soft water.""";

    private final Embeddings embeddings = SharedEmbeddings.get();
    private final SentencePicker picker = new SentencePicker(embeddings, 3);

    @Test
    void quotesTheSentencesClosestToTheQuestionInTheirOriginalOrder() {
        String question = "What does error E1 mean?";

        String quote = picker.pick(question, embeddings.embed(question), LONG_SECTION);

        assertThat(quote).contains("E1 means the water tank is empty").doesNotContain("gaskets");
        assertThat(quote.split("\n")).hasSizeBetween(1, 3);
    }

    @Test
    void quotesAShortPassageWhole() {
        String passage = "Gift cards are valid for 2 years. The balance stays on the card.";

        assertThat(picker.pick("gift card validity", embeddings.embed("gift card validity"), passage))
                .isEqualTo("Gift cards are valid for 2 years.\nThe balance stays on the card.");
    }
}
