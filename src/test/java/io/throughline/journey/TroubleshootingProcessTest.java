package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code processes/troubleshooting.bpmn}: guided steps, then details before any handoff. */
class TroubleshootingProcessTest extends JourneyProcessTest {

    private ProcessInstance problem(String text) {
        steps.read.add(text);
        return start(Journey.TROUBLESHOOTING, Map.of(GeneralSupport.Var.QUESTION, text,
                GeneralSupport.Var.INTENT, "troubleshooting"));
    }

    private ProcessInstance guided() {
        ProcessInstance troubleshooting = problem("My Dual Boiler shows E2");
        assertThat(troubleshooting).hasPassedInOrder("Task_FindSteps", "Task_GuideSteps").isWaitingAt("Task_SendSteps");
        runJob(troubleshooting, "Task_SendSteps");
        assertThat(steps.sent).containsExactly("guided-steps");
        return troubleshooting;
    }

    private void customerAnswers(String text) {
        steps.customerSays(text);
        customerWrites();
    }

    @Test
    void stepsThatHelpResolveTheConversation() {
        ProcessInstance troubleshooting = guided();

        customerAnswers("Yes, that worked!");

        assertThat(troubleshooting).hasPassed("Task_JudgeFix", "Task_GladItWorks").isWaitingAt("Task_SendGlad");
        runJob(troubleshooting, "Task_SendGlad");
        assertThat(troubleshooting).isEnded().hasPassed("EndEvent_Fixed").hasNotPassed("Task_GatherDetails");
        assertThat(endVariable(troubleshooting, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.RESOLVE);
        assertThat(endVariable(troubleshooting, GeneralSupport.Var.RESOLUTION)).isEqualTo("fixed-by-guided-steps");
        assertThat(steps.phrases()).containsExactly("fixed");
    }

    @Test
    void stepsThatDoNotHelpLeadToTheDetailsOneQuestionAtATimeThenAPerson() {
        ProcessInstance troubleshooting = guided();

        customerAnswers("No, still broken");
        assertThat(troubleshooting).hasPassed("Task_GatherDetails").isWaitingAt("Task_SendAsk");
        assertThat(steps.phrases()).containsExactly("askOrderNumber");
        runJob(troubleshooting, "Task_SendAsk");
        steps.decide("ESCALATE", "support", 50, "no answer found in the knowledge base");
        customerAnswers("It's LC-10234");

        assertThat(troubleshooting).isEnded().hasPassed("Task_DecideHandoff", "EndEvent_Escalate");
        assertThat(timesPassed(troubleshooting, "Task_AskForMissing")).isEqualTo(1);
        assertThat(endVariable(troubleshooting, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.ESCALATE);
        assertThat(endVariable(troubleshooting, Journey.Var.DETAILS))
                .isEqualTo("{\"orderNumber\":\"LC-10234\",\"device\":\"Dual Boiler\",\"error\":\"E2\"}");
        assertThat(endVariable(troubleshooting, Journey.Var.MISSING_DETAILS)).isEqualTo("");
    }

    @Test
    void withoutStepsItAsksForEveryMissingDetailBeforeAnyHandoff() {
        steps.knowledgeAnswers(false);
        ProcessInstance troubleshooting = problem("Something is wrong with my machine");

        assertThat(troubleshooting).hasNotPassed("Task_GuideSteps").isWaitingAt("Task_SendAsk");
        runJob(troubleshooting, "Task_SendAsk");
        customerAnswers("12345");
        runJob(troubleshooting, "Task_SendAsk");
        customerAnswers("the Compact");
        runJob(troubleshooting, "Task_SendAsk");
        steps.decide("ESCALATE", "vip", 80, "VIP plan");
        customerAnswers("The light blinks red three times");

        assertThat(steps.phrases()).containsExactly("askOrderNumber", "askDevice", "askError");
        assertThat(troubleshooting).isEnded().hasPassed("EndEvent_Escalate");
        assertThat(endVariable(troubleshooting, Journey.Var.DETAILS)).isEqualTo(
                "{\"orderNumber\":\"12345\",\"device\":\"Compact\",\"error\":\"The light blinks red three times\"}");
        assertThat(endVariable(troubleshooting, GeneralSupport.Var.QUEUE)).isEqualTo("vip");
    }

    @Test
    void aCustomerWhoCannotAnswerIsNotAskedForeverButHandedOver() {
        steps.knowledgeAnswers(false);
        ProcessInstance troubleshooting = problem("Help");
        for (int asked = 1; asked <= 4; asked++) {
            runJob(troubleshooting, "Task_SendAsk");
            if (asked == 4) {
                steps.decide("ESCALATE", "support", 50, "no answer found in the knowledge base");
            }
            customerAnswers(" ");
        }

        assertThat(troubleshooting).isEnded().hasPassed("EndEvent_Escalate");
        assertThat(timesPassed(troubleshooting, "Task_AskForMissing")).isEqualTo(4);
    }

    @Test
    void aCustomerWhoAsksForAPersonWhileAskedForDetailsGetsOneAtOnce() {
        steps.knowledgeAnswers(false);
        ProcessInstance troubleshooting = problem("My Compact is broken");
        runJob(troubleshooting, "Task_SendAsk");
        steps.classifies("human").decide("ESCALATE", "support", 50, "customer asked for a person");

        customerAnswers("I want to talk to a human agent please");

        assertThat(troubleshooting).isEnded().hasPassedInOrder("Task_ReadDetails", "Task_ClassifyReply",
                "Gateway_WantsAPerson", "Task_DecideHandoff", "EndEvent_Escalate");
        assertThat(timesPassed(troubleshooting, "Task_GatherDetails")).isEqualTo(1);
        assertThat(endVariable(troubleshooting, Journey.Var.DETAILS)).isEqualTo("{\"device\":\"Compact\"}");
    }

    @Test
    void anUnrelatedAnswerToTheStepsGoesBackToGeneralSupport() {
        ProcessInstance troubleshooting = guided();

        customerAnswers("By the way, do you sell decaf?");

        assertThat(troubleshooting).isEnded().hasPassed("EndEvent_HandBack").hasNotPassed("Task_GatherDetails");
        assertThat(endVariable(troubleshooting, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.HAND_BACK);
    }

    @Test
    void aCustomerWhoGoesQuietAfterTheSteps() {
        ProcessInstance troubleshooting = guided();

        fireTimer(troubleshooting, "Event_FollowUpDue");
        runJob(troubleshooting, "Task_SendFollowUp");
        fireTimer(troubleshooting, "Event_Quiet");

        assertThat(troubleshooting).isEnded().hasPassed("EndEvent_QuietAfterSteps");
        assertThat(endVariable(troubleshooting, Journey.Var.JOURNEY_OUTCOME)).isEqualTo(Journey.Outcome.QUIET);
    }

    @Test
    void aCustomerWhoGoesQuietWhileAskedForDetails() {
        steps.knowledgeAnswers(false);
        ProcessInstance troubleshooting = problem("It's broken");
        runJob(troubleshooting, "Task_SendAsk");

        fireTimer(troubleshooting, "Event_FollowUpDue");
        runJob(troubleshooting, "Task_SendFollowUp");
        fireTimer(troubleshooting, "Event_Quiet");

        assertThat(troubleshooting).isEnded().hasPassed("EndEvent_QuietDetails");
    }
}
