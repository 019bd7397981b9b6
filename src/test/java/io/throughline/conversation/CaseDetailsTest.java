package io.throughline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseDetailsTest {

    private final CaseDetails details = new CaseDetails(
            new CaseDetailsSettings(List.of("Dual Boiler", "Compact", "grinder", "machine")), null);

    @Test
    void detailsAreTakenByTheirFormFromAnythingTheCustomerWrote() {
        var gathered = details.gather(Map.of(), List.of("My Dual Boiler shows E2 since yesterday"), null,
                "My order number is LC-10234");

        assertThat(gathered.details()).containsExactly(Map.entry(CaseDetails.ORDER_NUMBER, "LC-10234"),
                Map.entry(CaseDetails.DEVICE, "Dual Boiler"), Map.entry(CaseDetails.ERROR, "E2"));
        assertThat(gathered.missing()).isEmpty();
        assertThat(gathered.nextToAsk()).isNull();
    }

    @Test
    void theLongestDeviceNameWinsAndMissingOnesAreAskedInOrder() {
        var gathered = details.gather(Map.of(), List.of(), null, "the grinder of my Dual Boiler machine makes noise");

        assertThat(gathered.details()).containsEntry(CaseDetails.DEVICE, "Dual Boiler");
        assertThat(gathered.missing()).containsExactly(CaseDetails.ORDER_NUMBER, CaseDetails.ERROR);
        assertThat(gathered.nextToAsk()).isEqualTo(CaseDetails.ORDER_NUMBER);
    }

    @Test
    void aReplyToAQuestionIsThatDetailEvenWithoutItsUsualForm() {
        var order = details.gather(Map.of(), List.of(), CaseDetails.ORDER_NUMBER, "it's 100234 I think");
        var error = details.gather(Map.of(CaseDetails.ORDER_NUMBER, "100234"), List.of(), CaseDetails.ERROR,
                "the light blinks red three times");
        var unknown = details.gather(Map.of(), List.of(), CaseDetails.ORDER_NUMBER, "I don't have it anymore");

        assertThat(order.details()).containsEntry(CaseDetails.ORDER_NUMBER, "100234");
        assertThat(error.details()).containsEntry(CaseDetails.ERROR, "the light blinks red three times");
        assertThat(unknown.details()).containsEntry(CaseDetails.ORDER_NUMBER, "unknown");
        assertThat(unknown.nextToAsk()).isEqualTo(CaseDetails.DEVICE);
    }

    @Test
    void anOrderNumberHasDigits() {
        var gathered = details.gather(Map.of(), List.of(), CaseDetails.ORDER_NUMBER, "I want to talk to a person");

        assertThat(gathered.details()).isEmpty();
        assertThat(gathered.nextToAsk()).isEqualTo(CaseDetails.ORDER_NUMBER);
    }

    @Test
    void anEmptyReplyLeavesTheDetailMissingAndKnownOnesStay() {
        var gathered = details.gather(Map.of(CaseDetails.DEVICE, "Compact"), List.of(), CaseDetails.ORDER_NUMBER, "  ");

        assertThat(gathered.details()).containsExactly(Map.entry(CaseDetails.DEVICE, "Compact"));
        assertThat(gathered.nextToAsk()).isEqualTo(CaseDetails.ORDER_NUMBER);
    }
}
