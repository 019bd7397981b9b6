package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code processes/pre-sales.bpmn}; a demo is booked through the booking journey it calls. */
class PreSalesProcessTest extends JourneyProcessTest {

    private ProcessInstance asked() {
        ProcessInstance preSales = start(Journey.PRE_SALES, Map.of(GeneralSupport.Var.QUESTION, "How much is the VIP plan?",
                GeneralSupport.Var.INTENT, "pre-sales"));
        if (runtimeService().getVariable(preSales.getId(), GeneralSupport.Var.ANSWER_TEXT) != null) {
            runJob(preSales, "Task_SendPricing");
        }
        assertThat(preSales).hasPassed("Task_AskQualifying").isWaitingAt("Task_SendQualifying");
        runJob(preSales, "Task_SendQualifying");
        assertThat(preSales).isWaitingAt("CallActivity_WaitForAnswers");
        return preSales;
    }

    private void customerAnswers(String text) {
        steps.customerSays(text);
        customerWrites();
    }

    @Test
    void answersThePricingQuestionFromTheKnowledgeBaseThenQualifies() {
        ProcessInstance preSales = asked();

        assertThat(preSales).hasPassedInOrder("Task_FindPricing", "Task_AnswerPricing", "Task_SendPricing",
                "Task_AskQualifying");
        assertThat(steps.sent).containsExactly("bot-answer", "say:qualifyingQuestions");
    }

    @Test
    void withoutAnAnswerItQualifiesStraightAway() {
        steps.knowledgeAnswers(false);
        ProcessInstance preSales = asked();

        assertThat(preSales).hasNotPassed("Task_AnswerPricing");
        assertThat(steps.sent).containsExactly("say:qualifyingQuestions");
    }

    @Test
    void aLargeTeamIsALeadForSalesAndGoesToAPersonWithItsDetails() {
        ProcessInstance preSales = asked();
        steps.decide("ESCALATE", "sales", 50, "pre-sales question: sales queue");

        customerAnswers("We're a team of 25 in an office");

        assertThat(preSales).isEnded().hasPassedInOrder("Task_Qualify", "Task_CaptureLead", "Task_DecideHandoff",
                "EndEvent_ToSales").hasNotPassed("Task_OfferDemo");
        assertThat(steps.leads).containsExactly("{\"teamSize\":25,\"useCase\":\"office\"}");
        assertThat(endVariable(preSales, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.ESCALATE);
        assertThat(endVariable(preSales, GeneralSupport.Var.QUEUE)).isEqualTo("sales");
        assertThat(endVariable(preSales, Journey.Var.DETAILS)).isEqualTo("{\"teamSize\":25,\"useCase\":\"office\"}");
    }

    @Test
    void aSmallTeamIsOfferedADemoBookedThroughTheBookingJourney() {
        ProcessInstance preSales = asked();

        customerAnswers("just me, for home");
        assertThat(preSales).hasPassed("Task_CaptureLead", "Task_OfferDemo").isWaitingAt("Task_SendDemoOffer");
        runJob(preSales, "Task_SendDemoOffer");
        customerAnswers("yes please");

        assertThat(preSales).isWaitingAt("CallActivity_BookDemo");
        ProcessInstance booking = called(preSales, Journey.BOOKING);
        assertThat(booking.getBusinessKey()).isEqualTo(conversationId);
        assertThat(runtimeService().getVariable(booking.getId(), Journey.Var.KIND)).isEqualTo("demo");
        runJob(preSales, "Task_SendOffer");
        customerAnswers("1");
        runJob(preSales, "Task_SendConfirmation");

        assertThat(preSales).isEnded().hasPassed("EndEvent_DemoHandled");
        assertThat(endVariable(preSales, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.RESOLVE);
        assertThat(endVariable(preSales, GeneralSupport.Var.RESOLUTION)).isEqualTo("booking-confirmed");
        assertThat(steps.leads).containsExactly("{\"teamSize\":1,\"useCase\":\"home\"}");
    }

    @Test
    void noDemoStillLeavesTheLeadCaptured() {
        ProcessInstance preSales = asked();
        customerAnswers("3 people at home");
        runJob(preSales, "Task_SendDemoOffer");

        customerAnswers("no thanks");

        assertThat(preSales).isEnded().hasPassed("EndEvent_NoDemo").hasNotPassed("CallActivity_BookDemo");
        assertThat(endVariable(preSales, GeneralSupport.Var.RESOLUTION)).isEqualTo("lead-captured");
    }

    @Test
    void anotherQuestionInsteadOfAnAnswerToTheDemoOfferGoesBack() {
        ProcessInstance preSales = asked();
        customerAnswers("for our café");
        runJob(preSales, "Task_SendDemoOffer");

        customerAnswers("Do you sell decaf beans?");

        assertThat(preSales).isEnded().hasPassed("EndEvent_HandBackDemo");
        assertThat(endVariable(preSales, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.HAND_BACK);
    }

    @Test
    void anotherQuestionInsteadOfQualifyingAnswersGoesBack() {
        ProcessInstance preSales = asked();

        customerAnswers("Where is my order?");

        assertThat(preSales).isEnded().hasPassed("EndEvent_HandBackQualifying").hasNotPassed("Task_CaptureLead");
        assertThat(endVariable(preSales, GeneralSupport.Var.QUESTION)).isEqualTo("Where is my order?");
    }

    @Test
    void aProspectWhoGoesQuietWhileQualifying() {
        ProcessInstance preSales = asked();

        fireTimer(preSales, "Event_FollowUpDue");
        runJob(preSales, "Task_SendFollowUp");
        fireTimer(preSales, "Event_Quiet");

        assertThat(preSales).isEnded().hasPassed("EndEvent_QuietQualifying");
        assertThat(endVariable(preSales, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.QUIET);
    }

    @Test
    void aProspectWhoGoesQuietAfterTheDemoOffer() {
        ProcessInstance preSales = asked();
        customerAnswers("2 of us");
        runJob(preSales, "Task_SendDemoOffer");

        fireTimer(preSales, "Event_FollowUpDue");
        runJob(preSales, "Task_SendFollowUp");
        fireTimer(preSales, "Event_Quiet");

        assertThat(preSales).isEnded().hasPassed("EndEvent_QuietDemo");
    }
}
