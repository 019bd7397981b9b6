package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code processes/onboarding.bpmn}: welcome on day 0, checklist on day 1, a nudge on day 3 while it is
 * not done, all on the preferred channel; the timers come from the variables the settings fill.
 */
class OnboardingProcessTest extends JourneyProcessTest {

    private ProcessInstance welcomed() {
        ProcessInstance onboarding = start(Journey.ONBOARDING, Map.of());
        assertThat(onboarding).hasPassed("Task_Welcome").isWaitingAt("Task_SendWelcome");
        runJob(onboarding, "Task_SendWelcome");
        assertThat(onboarding).isWaitingAt("CallActivity_WaitForDay1");
        return onboarding;
    }

    private ProcessInstance checklistShared() {
        ProcessInstance onboarding = welcomed();
        fireTimer(onboarding, "Event_Quiet");
        assertThat(onboarding).hasPassed("Task_ShareChecklist").isWaitingAt("Task_SendChecklist");
        runJob(onboarding, "Task_SendChecklist");
        return onboarding;
    }

    private void customerAnswers(String text) {
        steps.customerSays(text);
        customerWrites();
    }

    @Test
    void theWelcomeGoesOutOnThePreferredChannelAndTheChecklistADayLater() {
        ProcessInstance onboarding = welcomed();

        assertThat(steps.said).first().satisfies(said -> {
            assertThat(said.phrase()).isEqualTo("onboardingWelcome");
            assertThat(said.channel()).isEqualTo("preferred");
        });
        assertThat(jobAt(onboarding, "Event_Quiet").getDuedate()).isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofDays(1))));
        assertThat(steps.followUps).as("no follow-up in a welcome sequence").isEmpty();
        fireTimer(onboarding, "Event_Quiet");
        runJob(onboarding, "Task_SendChecklist");

        assertThat(steps.phrases()).containsExactly("onboardingWelcome", "onboardingChecklist");
        assertThat(steps.said.get(1).channel()).isEqualTo("preferred");
        assertThat(steps.sent).containsExactly("say:onboardingWelcome", "say:onboardingChecklist");
        assertThat(onboarding).isWaitingAt("CallActivity_WaitForProgress");
    }

    @Test
    void aCustomerStuckAfterTheChecklistIsNudgedOnDayThreeThenLeftAlone() {
        ProcessInstance onboarding = checklistShared();
        assertThat(jobAt(onboarding, "Event_Quiet").getDuedate())
                .isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofDays(3)).plusSeconds(1)));

        fireTimer(onboarding, "Event_Quiet");
        assertThat(onboarding).hasPassed("Task_Nudge").isWaitingAt("Task_SendNudge");
        runJob(onboarding, "Task_SendNudge");
        fireTimer(onboarding, "Event_Quiet");

        assertThat(steps.phrases()).containsExactly("onboardingWelcome", "onboardingChecklist", "onboardingNudge");
        assertThat(onboarding).isEnded().hasPassed("EndEvent_Quiet");
        assertThat(endVariable(onboarding, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.QUIET);
    }

    @Test
    void checklistItemsAreRecordedAndAcknowledgedUntilAllAreDone() {
        ProcessInstance onboarding = checklistShared();

        customerAnswers("done 1 and 2");
        assertThat(onboarding).hasPassed("Task_RecordChecklist", "Task_AcknowledgeProgress")
                .isWaitingAt("Task_SendAcknowledgement");
        runJob(onboarding, "Task_SendAcknowledgement");
        assertThat(onboarding).isWaitingAt("CallActivity_WaitForProgress");
        fireTimer(onboarding, "Event_Quiet");
        runJob(onboarding, "Task_SendNudge");
        customerAnswers("3 done too");

        assertThat(onboarding).hasPassed("Task_Congratulate").isWaitingAt("Task_SendCongratulations");
        runJob(onboarding, "Task_SendCongratulations");
        assertThat(steps.phrases()).containsExactly("onboardingWelcome", "onboardingChecklist", "onboardingProgress",
                "onboardingNudge", "onboardingDone");
        assertThat(steps.said.get(2).variables()).containsEntry(Journey.Var.ITEMS_DONE, 2)
                .containsEntry(Journey.Var.ITEMS_TOTAL, 3);
        assertThat(onboarding).isEnded().hasPassed("EndEvent_Onboarded");
        assertThat(endVariable(onboarding, GeneralSupport.Var.RESOLUTION)).isEqualTo("onboarding-complete");
    }

    @Test
    void allDoneAtOnceEndsTheOnboarding() {
        ProcessInstance onboarding = checklistShared();

        customerAnswers("All done, thanks!");
        runJob(onboarding, "Task_SendCongratulations");

        assertThat(onboarding).isEnded().hasPassed("EndEvent_Onboarded").hasNotPassed("Task_Nudge");
    }

    @Test
    void aQuestionOnTheFirstDayGoesToGeneralSupport() {
        ProcessInstance onboarding = welcomed();

        customerAnswers("How do I descale the machine?");

        assertThat(onboarding).isEnded().hasPassed("Task_RecordChecklist", "EndEvent_HandBack")
                .hasNotPassed("Task_ShareChecklist");
        assertThat(endVariable(onboarding, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.HAND_BACK);
    }

    @Test
    void aReplyToTheNudgeIsReadToo() {
        ProcessInstance onboarding = checklistShared();
        fireTimer(onboarding, "Event_Quiet");
        runJob(onboarding, "Task_SendNudge");

        customerAnswers("I did 2");

        assertThat(onboarding).hasPassed("Task_AcknowledgeProgress").isWaitingAt("Task_SendAcknowledgement");
    }
}
