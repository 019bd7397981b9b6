package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code processes/booking.bpmn} and {@code processes/booking-reminder.bpmn}. */
class BookingProcessTest extends JourneyProcessTest {

    private static final Instant SECOND_SLOT = ScriptedSteps.FIRST_SLOT.plus(Duration.ofDays(1));

    private ProcessInstance offered() {
        ProcessInstance booking = start(Journey.BOOKING, Map.of(Journey.Var.BOOKING_KIND, "demo"));
        assertThat(booking).hasPassedInOrder("Task_FindBooking", "Task_OfferSlots").isWaitingAt("Task_SendOffer")
                .hasNotPassed("Task_AskChange");
        runJob(booking, "Task_SendOffer");
        assertThat(booking).isWaitingAt("CallActivity_WaitForChoice");
        return booking;
    }

    private void customerAnswers(String text) {
        steps.customerSays(text);
        customerWrites();
    }

    @Test
    void offersThreeSlotsAndBooksTheOneTheCustomerPicksWithAReminderTheDayBefore() {
        ProcessInstance booking = offered();
        assertThat(steps.phrases()).containsExactly("offerSlots");
        assertThat(steps.sent).containsExactly("slots-offered");
        assertThat(((String) runtimeService().getVariable(booking.getId(), Journey.Var.OFFERED_SLOTS)).split(","))
                .hasSize(3);

        customerAnswers("2 please");

        assertThat(booking).hasPassedInOrder("Task_ReadChoice", "Task_PickSlot", "Task_Confirm")
                .isWaitingAt("Task_SendConfirmation");
        runJob(booking, "Task_SendConfirmation");
        assertThat(booking).isEnded().hasPassed("Task_ScheduleReminder", "EndEvent_Booked");
        assertThat(endVariable(booking, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.RESOLVE);
        assertThat(endVariable(booking, GeneralSupport.Var.RESOLUTION)).isEqualTo("booking-confirmed");
        assertThat(steps.sent).containsExactly("slots-offered", "booking-confirmed");
        assertThat(steps.bookingSlots).containsValue(SECOND_SLOT.toString());

        ProcessInstance reminder = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(Journey.BOOKING_REMINDER).singleResult();
        assertThat(reminder).isWaitingAt("Event_RemindAt");
        assertThat(jobAt(reminder, "Event_RemindAt").getDuedate())
                .isEqualTo(Date.from(SECOND_SLOT.minus(Duration.ofHours(24))));
        fireTimer(reminder, "Event_RemindAt");
        runJob(reminder, "Task_SendReminder");
        assertThat(reminder).isEnded().hasPassed("EndEvent_Reminded");
        assertThat(steps.remindersSent).containsExactly(reminder.getBusinessKey());
        assertThat(steps.sent).last().isEqualTo("reminder-" + reminder.getBusinessKey());
    }

    @Test
    void otherTimesOffersTheNextThree() {
        ProcessInstance booking = offered();
        String first = (String) runtimeService().getVariable(booking.getId(), Journey.Var.OFFERED_SLOTS);

        customerAnswers("Do you have other times?");
        assertThat(booking).hasPassed("Task_PickSlot").isWaitingAt("Task_SendOffer");
        runJob(booking, "Task_SendOffer");
        String next = (String) runtimeService().getVariable(booking.getId(), Journey.Var.OFFERED_SLOTS);

        assertThat(Instant.parse(next.split(",")[0])).isAfter(Instant.parse(first.split(",")[2]));
        assertThat(timesPassed(booking, "Task_OfferSlots")).isEqualTo(2);
        customerAnswers("the first one");
        runJob(booking, "Task_SendConfirmation");
        assertThat(booking).isEnded().hasPassed("EndEvent_Booked");
    }

    @Test
    void aSlotTakenMeanwhileIsOfferedAgainWithAnApology() {
        steps.slotTaken(SECOND_SLOT);
        ProcessInstance booking = offered();

        customerAnswers("2");

        assertThat(booking).hasPassedInOrder("Task_Confirm", "Gateway_Confirmed").isWaitingAt("Task_SendOffer")
                .hasNotPassed("Task_SendConfirmation");
        assertThat(steps.phrases()).containsExactly("offerSlots", "offerSlotsAgain");
        runJob(booking, "Task_SendOffer");
        customerAnswers("3");
        runJob(booking, "Task_SendConfirmation");
        assertThat(booking).isEnded().hasPassed("EndEvent_Booked");
    }

    @Test
    void noThanksEndsWithoutABooking() {
        ProcessInstance booking = offered();

        customerAnswers("no thanks");

        assertThat(booking).isEnded().hasPassed("EndEvent_Declined").hasNotPassed("Task_Confirm");
        assertThat(endVariable(booking, GeneralSupport.Var.RESOLUTION)).isEqualTo("booking-declined");
        assertThat(steps.bookings).isEmpty();
    }

    @Test
    void anotherQuestionGoesBackToGeneralSupport() {
        ProcessInstance booking = offered();

        customerAnswers("How long does shipping take to Belgium?");

        assertThat(booking).isEnded().hasPassed("EndEvent_HandBackChoice");
        assertThat(endVariable(booking, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.HAND_BACK);
        assertThat(endVariable(booking, GeneralSupport.Var.QUESTION)).isEqualTo("How long does shipping take to Belgium?");
    }

    @Test
    void aCustomerWhoDoesNotChooseGoesQuiet() {
        ProcessInstance booking = offered();

        fireTimer(booking, "Event_FollowUpDue");
        runJob(booking, "Task_SendFollowUp");
        fireTimer(booking, "Event_Quiet");

        assertThat(booking).isEnded().hasPassed("EndEvent_QuietChoice");
        assertThat(endVariable(booking, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.QUIET);
        assertThat(steps.followUps).containsExactly(conversationId);
    }

    @Test
    void aSessionTooCloseForTheReminderIsBookedWithoutOne() {
        ClockUtilAt(ScriptedSteps.FIRST_SLOT.minus(Duration.ofHours(20)));
        ProcessInstance booking = offered();

        customerAnswers("1");
        runJob(booking, "Task_SendConfirmation");

        assertThat(booking).isEnded().hasPassed("EndEvent_Booked").hasNotPassed("Task_ScheduleReminder");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(Journey.BOOKING_REMINDER).count())
                .isZero();
    }

    // --- a customer who is booked already --------------------------------------------------------------------------

    private ProcessInstance askedToChange() {
        steps.bookedAlready(SECOND_SLOT);
        ProcessInstance booking = start(Journey.BOOKING, Map.of());
        assertThat(booking).hasPassed("Task_AskChange").isWaitingAt("Task_SendAskChange").hasNotPassed("Task_OfferSlots");
        assertThat(steps.phrases()).containsExactly("bookingExisting");
        runJob(booking, "Task_SendAskChange");
        return booking;
    }

    @Test
    void aBookedCustomerCanCancelAndTheReminderStaysQuiet() {
        ProcessInstance booking = offered();
        customerAnswers("2");
        runJob(booking, "Task_SendConfirmation");
        ProcessInstance reminder = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(Journey.BOOKING_REMINDER).singleResult();

        ProcessInstance again = start(Journey.BOOKING, Map.of());
        runJob(again, "Task_SendAskChange");
        customerAnswers("I can't make it, please cancel");

        assertThat(again).hasPassedInOrder("Task_JudgeChange", "Task_CancelBooking").isWaitingAt("Task_SendCancelled");
        runJob(again, "Task_SendCancelled");
        assertThat(again).isEnded().hasPassed("EndEvent_Cancelled");
        assertThat(endVariable(again, GeneralSupport.Var.RESOLUTION)).isEqualTo("booking-cancelled");
        assertThat(steps.bookings).containsValue("CANCELLED");

        fireTimer(reminder, "Event_RemindAt");
        assertThat(reminder).isEnded().hasPassed("EndEvent_NotBooked").hasNotPassed("Task_SendReminder");
        assertThat(steps.remindersSent).isEmpty();
    }

    @Test
    void aBookedCustomerCanRescheduleWhichReplacesTheBooking() {
        ProcessInstance booking = askedToChange();
        String old = steps.upcomingBooking;

        customerAnswers("Can we reschedule?");

        assertThat(booking).hasPassed("Task_JudgeChange").isWaitingAt("Task_SendOffer");
        runJob(booking, "Task_SendOffer");
        customerAnswers("3");
        runJob(booking, "Task_SendConfirmation");
        assertThat(booking).isEnded().hasPassed("EndEvent_Booked");
        assertThat(steps.bookings).containsEntry(old, "CANCELLED");
        assertThat(steps.upcomingBooking).isNotEqualTo(old);
        assertThat(steps.bookings).containsEntry(steps.upcomingBooking, "CONFIRMED");
    }

    @Test
    void aBookedCustomerWithAnotherQuestionGoesBackToGeneralSupport() {
        ProcessInstance booking = askedToChange();

        customerAnswers("what beans do you recommend");

        assertThat(booking).isEnded().hasPassed("EndEvent_HandBackChange");
        assertThat(endVariable(booking, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.HAND_BACK);
    }

    @Test
    void aBookedCustomerWhoGoesQuiet() {
        ProcessInstance booking = askedToChange();

        fireTimer(booking, "Event_FollowUpDue");
        runJob(booking, "Task_SendFollowUp");
        fireTimer(booking, "Event_Quiet");

        assertThat(booking).isEnded().hasPassed("EndEvent_QuietChange");
    }

    private static void ClockUtilAt(Instant now) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(now));
    }
}
