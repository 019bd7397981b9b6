package io.throughline.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.conversation.MessageCitation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void sourcesFollowTheTextOnOneLine() {
        String sms = SmsText.of("Orders ship within 2 business days.", List.of(
                new MessageCitation("Shipping", "shipping.md", "Delivery times"),
                new MessageCitation("Shipping", "shipping.md", "Costs"),
                new MessageCitation("Returns", "https://larkspur.example/returns", null)));

        assertThat(sms).isEqualTo("Orders ship within 2 business days.\n\n"
                + "Sources: Shipping, Returns https://larkspur.example/returns");
    }

    @Test
    void aLongAnswerIsCutAtAWordAndKeepsItsSources() {
        String sms = SmsText.of("word ".repeat(500), List.of(new MessageCitation("Shipping", "shipping.md", null)));

        assertThat(sms).hasSizeLessThanOrEqualTo(SmsText.MAX_LENGTH).endsWith("…\n\nSources: Shipping");
        assertThat(sms).contains("word word…");
    }

    @Test
    void withoutCitationsItIsJustTheText() {
        assertThat(SmsText.of("  Hello there. ", List.of())).isEqualTo("Hello there.");
    }
}
