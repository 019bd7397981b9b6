package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code processes/wait-for-customer.bpmn}, the wait every journey calls. */
class WaitForCustomerProcessTest extends JourneyProcessTest {

    private ProcessInstance waitFor(String followUpAfter) {
        var variables = new java.util.HashMap<String, Object>();
        variables.put(Journey.Var.WAIT_FOR, "PT24H");
        variables.put(Journey.Var.FOLLOW_UP_AFTER, followUpAfter);
        return start(Journey.WAIT_FOR_CUSTOMER, variables);
    }

    @Test
    void aMessageWrittenWhileTheJourneyWasBusyEndsTheWaitAtOnce() {
        steps.unreadAtNextChecks(true);

        ProcessInstance wait = waitFor("PT4H");

        assertThat(wait).isEnded().hasPassed("Task_CheckForNewMessages", "EndEvent_UnreadFound")
                .hasNotPassed("Gateway_Wait", "Gateway_WaitBeforeFollowUp");
        assertThat(endVariable(wait, Journey.Var.CUSTOMER_WROTE)).isEqualTo(true);
    }

    @Test
    void withoutAFollowUpItWaitsForTheCustomerOrSilence() {
        ProcessInstance wait = waitFor(null);

        assertThat(wait).isWaitingAtExactly("Gateway_Wait").isWaitingFor(GeneralSupport.CUSTOMER_WROTE);
        assertThat(jobAt(wait, "Event_Quiet").getDuedate()).isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofHours(24))));
        customerWrites();

        assertThat(wait).isEnded().hasPassed("Event_CustomerWrote", "EndEvent_Wrote").hasNotPassed("Event_Quiet");
        assertThat(endVariable(wait, Journey.Var.CUSTOMER_WROTE)).isEqualTo(true);
    }

    @Test
    void anEmptyFollowUpSettingMeansNoFollowUp() {
        ProcessInstance wait = waitFor("");

        assertThat(wait).isWaitingAtExactly("Gateway_Wait").hasPassed("Gateway_FollowUpOn");
    }

    @Test
    void silenceForTheWholeWaitEndsItQuiet() {
        ProcessInstance wait = waitFor(null);

        fireTimer(wait, "Event_Quiet");

        assertThat(wait).isEnded().hasPassed("Event_Quiet", "EndEvent_Quiet");
        assertThat(endVariable(wait, Journey.Var.CUSTOMER_WROTE)).isEqualTo(false);
        assertThat(steps.followUps).isEmpty();
    }

    @Test
    void theCustomerWritingBeforeTheFollowUpEndsTheWait() {
        ProcessInstance wait = waitFor("PT4H");
        assertThat(wait).isWaitingAtExactly("Gateway_WaitBeforeFollowUp");
        assertThat(jobAt(wait, "Event_FollowUpDue").getDuedate()).isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofHours(4))));

        customerWrites();

        assertThat(wait).isEnded().hasPassed("Event_WroteBeforeFollowUp").hasNotPassed("Task_FollowUp");
        assertThat(endVariable(wait, Journey.Var.CUSTOMER_WROTE)).isEqualTo(true);
    }

    @Test
    void quietForFollowUpAfterGetsOneFollowUpThenWaitsTheWholeWait() {
        ProcessInstance wait = waitFor("PT4H");

        fireTimer(wait, "Event_FollowUpDue");
        assertThat(wait).isWaitingAt("Task_SendFollowUp").hasPassed("Task_FollowUp");
        assertThat(steps.followUps).containsExactly(conversationId);
        runJob(wait, "Task_SendFollowUp");

        assertThat(steps.sent).containsExactly("follow-up");
        assertThat(wait).isWaitingAtExactly("Gateway_Wait").hasPassed("Task_CheckAfterFollowUp");
        assertThat(jobAt(wait, "Event_Quiet").getDuedate())
                .isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofHours(28)).plusSeconds(1)));
        fireTimer(wait, "Event_Quiet");
        assertThat(wait).isEnded().hasPassed("EndEvent_Quiet");
        assertThat(endVariable(wait, Journey.Var.FOLLOWED_UP)).isEqualTo(true);
    }

    @Test
    void aMessageThatCameWhileTheFollowUpWasSentEndsTheWait() {
        ProcessInstance wait = waitFor("PT4H");
        fireTimer(wait, "Event_FollowUpDue");
        steps.unreadAtNextChecks(true);

        runJob(wait, "Task_SendFollowUp");

        assertThat(wait).isEnded().hasPassed("EndEvent_UnreadAfterFollowUp").hasNotPassed("Gateway_Wait");
        assertThat(endVariable(wait, Journey.Var.CUSTOMER_WROTE)).isEqualTo(true);
    }

    @Test
    void theCustomerWritingAfterTheFollowUpEndsTheWait() {
        ProcessInstance wait = waitFor("PT4H");
        fireTimer(wait, "Event_FollowUpDue");
        runJob(wait, "Task_SendFollowUp");

        customerWrites();

        assertThat(wait).isEnded().hasPassed("Task_FollowUp", "Event_CustomerWrote", "EndEvent_Wrote");
        assertThat(endVariable(wait, Journey.Var.CUSTOMER_WROTE)).isEqualTo(true);
    }

    @Test
    void anUnknownVariableIsNoProblemForTheFollowUpCheck() {
        ProcessInstance wait = start(Journey.WAIT_FOR_CUSTOMER, Map.of(Journey.Var.WAIT_FOR, "PT1H"));

        assertThat(wait).isWaitingAtExactly("Gateway_WaitBeforeFollowUp");
    }
}
