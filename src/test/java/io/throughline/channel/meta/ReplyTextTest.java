package io.throughline.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.conversation.MessageCitation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTextTest {

    private static final List<MessageCitation> SOURCES = List.of(new MessageCitation("Shipping", "shipping.md", null),
            new MessageCitation("Shipping", "shipping.md", "Costs"), new MessageCitation("Returns", "returns.md", null));

    @Test
    void sourcesAreAppendedByTitleOnceEachWhenTheyFit() {
        assertThat(ReplyText.compose("Orders ship in 3 business days.", SOURCES, ReplyText.CHARACTERS, 4_096))
                .isEqualTo("Orders ship in 3 business days.\n\nSources: Shipping; Returns");
    }

    @Test
    void sourcesThatDoNotFitAreLeftOut() {
        assertThat(ReplyText.compose("Orders ship in 3 business days.", SOURCES, ReplyText.CHARACTERS, 40))
                .isEqualTo("Orders ship in 3 business days.");
    }

    @Test
    void aTextOverTheLimitIsCutWithAnEllipsis() {
        String cut = ReplyText.compose("a".repeat(5_000), List.of(), ReplyText.CHARACTERS, 4_096);
        assertThat(cut).hasSize(4_096).endsWith("a…");
    }

    @Test
    void aByteLimitCutsWholeCharacters() {
        String text = "Grüße 😀 ".repeat(200);
        String cut = ReplyText.compose(text, List.of(), ReplyText.UTF8_BYTES, 1_000);
        assertThat(ReplyText.UTF8_BYTES.applyAsInt(cut)).isLessThanOrEqualTo(1_000).isGreaterThan(990);
        assertThat(cut).endsWith("…").doesNotContain("\uFFFD");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }
}
