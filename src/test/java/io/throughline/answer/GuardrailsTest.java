package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.throughline.knowledge.Passage;

class GuardrailsTest {

    private static final Passage CONTACT = passage("Email support@larkspurcoffee.example or call +31 30 555 0140, "
            + "Monday to Friday 9:00-17:00.");
    private static final Passage PLANS = passage("Basic costs 19 EUR per month: two 250 g bags of a house blend.");

    @Test
    void anAnswerTellingWhatItsSourcesSayPasses() {
        assertThat(Guardrails.blockedBecause("Basic is €19.00 a month and brings 2 bags.", List.of(PLANS),
                "How much is Basic?")).isEmpty();
        assertThat(Guardrails.blockedBecause("Write to support@larkspurcoffee.example or call +31 (30) 555-0140.",
                List.of(CONTACT), "How do I reach you?")).isEmpty();
    }

    @Test
    void anAnswerThatCitesNothingIsBlocked() {
        assertThat(Guardrails.blockedBecause("Basic costs 19 EUR.", List.of(), "How much is Basic?"))
                .contains("the answer cites none of the passages it was given");
    }

    @Test
    void anInventedPriceIsBlockedAndNamedInTheReason() {
        assertThat(Guardrails.blockedBecause("Basic costs €12 a month.", List.of(PLANS), "How much is Basic?"))
                .contains("the answer states \"€12\", which none of its sources does");
    }

    @Test
    void anotherCustomersEmailPhoneOrOrderNumberIsBlockedWithoutRepeatingIt() {
        assertThat(Guardrails.blockedBecause("Jan (jan.devries@mail.example) asked the same.", List.of(CONTACT),
                "How do I reach you?")).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("the answer contains an email address that is neither in its sources nor in the customer's "
                        + "message")
                .doesNotContain("jan.devries"));
        assertThat(Guardrails.blockedBecause("Call +31 6 1234 5678 instead.", List.of(CONTACT), "How do I reach you?"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("a phone number"));
        assertThat(Guardrails.blockedBecause("Order LC-20931 shipped on Monday.", List.of(CONTACT), "Where is my order?"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("an order number"));
    }

    @Test
    void theAskingCustomersOwnDetailsMayBeRepeated() {
        assertThat(Guardrails.blockedBecause("We will reply to ada@example.com about order #48213 within the hours 9:00"
                + "-17:00.", List.of(CONTACT), "Please write to ada@example.com, my order number is 48213.")).isEmpty();
    }

    @Test
    void aDateIsNotMistakenForAPhoneNumber() {
        Passage closure = passage("We are closed on 24.12.2026 and 2026-12-31.");

        assertThat(Guardrails.blockedBecause("We are closed on 24.12.2026 and 2026-12-31.", List.of(closure),
                "When are you closed?")).isEmpty();
        assertThat(Guardrails.blockedBecause("We are closed on 25.12.2026.", List.of(closure), "When are you closed?"))
                .contains("the answer states \"25.12.2026\", which none of its sources does");
    }

    private static Passage passage(String text) {
        return new Passage("Title", "source.md", "Section", text, 0.9);
    }
}
