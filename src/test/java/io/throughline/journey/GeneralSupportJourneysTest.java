package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;

import io.throughline.conversation.Conversations;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * General support as the front door of {@code processes/}: it routes a customer's message into the journey its intent
 * names (by call activity, with the conversation as business key), takes what the journey hands back, brings in a
 * person with a due date from the SLA and an escalation when it passes, follows up when the customer goes quiet, and
 * asks for a rating after a resolution. Timers run by moving the engine's clock.
 */
class GeneralSupportJourneysTest extends JourneyProcessTest {

    private ProcessInstance customerWroteFirst() {
        ProcessInstance journey = runtimeService().startProcessInstanceByKey(GeneralSupport.KEY, conversationId,
                conversationVariables());
        assertThat(journey).isWaitingAt("Task_ReadMessages");
        return journey;
    }

    private ProcessInstance routedTo(String intent) {
        steps.classifies(intent);
        ProcessInstance journey = customerWroteFirst();
        runJob(journey, "Task_ReadMessages");
        return journey;
    }

    private void customerAnswers(String text) {
        steps.customerSays(text);
        customerWrites();
    }

    // --- routing ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"pre-sales,CallActivity_PreSales", "onboarding,CallActivity_Onboarding",
            "troubleshooting,CallActivity_Troubleshooting", "booking,CallActivity_Booking"})
    void theIntentRoutesIntoItsJourneyWithTheConversationAsBusinessKey(String intent, String callActivity) {
        ProcessInstance journey = routedTo(intent);

        assertThat(journey).isWaitingAt(callActivity).hasPassedInOrder("Task_ReadMessages", "Task_ClassifyIntent",
                "Gateway_Journey").hasNotPassed("Task_FindAnswer", "Task_Decide");
        ProcessInstance called = called(journey, intent);
        assertThat(called.getBusinessKey()).isEqualTo(conversationId);
        assertThat(runtimeService().getVariable(called.getId(), GeneralSupport.Var.CONVERSATION_ID)).isEqualTo(conversationId);
    }

    @Test
    void anyOtherIntentIsAGeneralQuestionGeneralSupportAnswersItself() {
        steps.decide("ANSWER", "support", 50, "answer found");
        ProcessInstance journey = routedTo("shipping");

        assertThat(journey).hasPassed("Task_FindAnswer", "Task_ComposeAnswer").isWaitingAt("Task_SendReply")
                .hasNotPassed("CallActivity_Booking", "CallActivity_PreSales");
    }

    @Test
    void anIntentBelowTheRoutingScoreIsAnsweredByGeneralSupport() {
        steps.decide("ANSWER", "support", 50, "answer found").intentScore(0.6);
        ProcessInstance journey = routedTo("onboarding");

        assertThat(journey).hasPassed("Task_FindAnswer", "Task_ComposeAnswer").isWaitingAt("Task_SendReply")
                .hasNotPassed("CallActivity_Onboarding");
    }

    @Test
    void theRealWakeUpReachesTheWaitOfTheJourneyGeneralSupportCalled() {
        Mocks.register("wakeJourney", new WakeJourney(mock(Conversations.class), runtimeService()));
        ProcessInstance journey = routedTo("booking");
        runJob(journey, "Task_SendOffer");
        ProcessInstance wait = called(journey, Journey.WAIT_FOR_CUSTOMER);
        assertThat(wait.getBusinessKey()).isEqualTo(conversationId);
        assertThat(wait).isWaitingFor(GeneralSupport.CUSTOMER_WROTE);

        steps.customerSays("2");
        ProcessInstance wakeUp = runtimeService().startProcessInstanceByKey(Journeys.WAKE_UP_KEY, conversationId,
                Map.of(GeneralSupport.Var.CONVERSATION_ID, conversationId));
        execute(job(wakeUp));

        assertThat(wakeUp).isEnded();
        assertThat(wait).isEnded();
        assertThat(called(journey, Journey.BOOKING)).hasPassed("Task_ReadChoice", "Task_Confirm")
                .isWaitingAt("Task_SendConfirmation");
    }

    // --- what a journey hands back ---------------------------------------------------------------------------------

    @Test
    void aQuestionAJourneyHandsBackIsClassifiedAgainAndAnswered() {
        ProcessInstance journey = routedTo("booking");
        runJob(journey, "Task_SendOffer");
        steps.classifies("shipping").decide("ANSWER", "support", 50, "answer found");

        customerAnswers("How long does shipping take?");

        assertThat(journey).hasPassed("CallActivity_Booking", "Gateway_JourneyOutcome", "Task_FindAnswer",
                "Task_ComposeAnswer").isWaitingAt("Task_SendReply");
        assertThat(timesPassed(journey, "Task_ClassifyIntent")).isEqualTo(2);
        assertThat(timesPassed(journey, "Task_ReadMessages")).as("the booking journey read it already").isEqualTo(1);
    }

    @Test
    void aJourneyThatEscalatesBringsInAPersonOfTheQueueTheRulesChose() {
        ProcessInstance journey = routedTo("pre-sales");
        runJob(journey, "Task_SendPricing");
        runJob(journey, "Task_SendQualifying");
        steps.decide("ESCALATE", "sales", 60, "pre-sales question: sales queue");

        customerAnswers("We are 40 people in an office");

        assertThat(journey).hasPassed("CallActivity_PreSales", "Task_AnnounceHandoff").isWaitingAt("Task_SendHandoffNotice");
        runJob(journey, "Task_SendHandoffNotice");
        assertThat(journey).isWaitingAt(GeneralSupport.USER_TASK).hasPassed("Task_SetDueDate");
        Task agentTask = task(journey);
        assertThat(agentTask).hasCandidateGroup("sales");
        assertThat(agentTask.getPriority()).isEqualTo(60);
        assertThat(taskService().getVariable(agentTask.getId(), Journey.Var.DETAILS))
                .isEqualTo("{\"teamSize\":40,\"useCase\":\"office\"}");
    }

    @Test
    void aJourneyThatResolvesRecordsItKeepsTheConversationOpenAndAsksForARating() {
        ProcessInstance journey = routedTo("booking");
        runJob(journey, "Task_SendOffer");
        customerAnswers("2");
        runJob(journey, "Task_SendConfirmation");

        assertThat(journey).hasPassed("Task_ResolveJourney", "Gateway_AskRating").isWaitingAt("CallActivity_Rating");
        assertThat(steps.resolutions).containsExactly("booking-confirmed");
        assertThat(steps.awaitedRating).containsExactly(true);
        assertThat(called(journey, Journey.CSAT).getBusinessKey()).isEqualTo(conversationId);
        runJob(journey, "Task_SendQuestion");
        customerAnswers("4 - quick and friendly");
        runJob(journey, "Task_SendThanks");

        assertThat(steps.ratings).containsExactly("CSAT 4 quick and friendly");
        assertThat(steps.closed).containsExactly(conversationId);
        assertThat(journey).isEnded();
        assertThat(endedAt(journey)).isEqualTo("EndEvent_Resolved");
    }

    @Test
    void aMessageThatIsNoRatingReopensTheConversationAndIsAnswered() {
        ProcessInstance journey = routedTo("booking");
        runJob(journey, "Task_SendOffer");
        customerAnswers("1");
        runJob(journey, "Task_SendConfirmation");
        runJob(journey, "Task_SendQuestion");
        steps.classifies("shipping").decide("ANSWER", "support", 50, "answer found");

        customerAnswers("Actually, when does my coffee ship?");

        assertThat(steps.ratings).containsExactly("REOPENED");
        assertThat(journey).isNotEnded().hasPassed("Gateway_RatingOutcome", "Task_ComposeAnswer")
                .isWaitingAt("Task_SendReply");
        assertThat(runtimeService().getVariable(journey.getId(), GeneralSupport.Var.QUESTION))
                .isEqualTo("Actually, when does my coffee ship?");
        assertThat(steps.closed).isEmpty();
    }

    @Test
    void aCustomerWhoWritesAsTheRatedConversationClosesIsReadAgain() {
        ProcessInstance journey = routedTo("booking");
        runJob(journey, "Task_SendOffer");
        customerAnswers("1");
        runJob(journey, "Task_SendConfirmation");
        runJob(journey, "Task_SendQuestion");
        steps.closedAtNextCloses(false);

        fireTimer(journey, "Event_Quiet");

        assertThat(journey).hasPassed("Gateway_RatingOutcome").isWaitingAt("Task_ReadMessages");
    }

    @Test
    void aJourneyWhoseCustomerWentQuietResolvesWithoutARating() {
        ProcessInstance journey = routedTo("booking");
        runJob(journey, "Task_SendOffer");

        fireTimer(journey, "Event_FollowUpDue");
        runJob(journey, "Task_SendFollowUp");
        fireTimer(journey, "Event_Quiet");

        assertThat(steps.resolutions).containsExactly("customer-went-quiet");
        assertThat(steps.awaitedRating).containsExactly(false);
        assertThat(journey).isEnded().hasPassed("Task_ResolveQuiet").hasNotPassed("CallActivity_Rating");
        assertThat(endedAt(journey)).isEqualTo("EndEvent_Resolved");
    }

    // --- a journey the business starts -----------------------------------------------------------------------------

    private ProcessInstance renewalRequested() {
        Map<String, Object> variables = new HashMap<>(conversationVariables());
        variables.putAll(Map.of(GeneralSupport.Var.INTENT, Journey.RENEWAL_REMINDER, GeneralSupport.Var.QUESTION, "",
                "plan", "Plus", "renewsOn", "2026-04-01"));
        ProcessInstance journey = runtimeService().createMessageCorrelation(Journey.JOURNEY_REQUESTED)
                .processInstanceBusinessKey(conversationId).setVariables(variables).correlateStartMessage();
        assertThat(journey).as("started in its own job, not in the caller's transaction")
                .isWaitingAt("StartEvent_JourneyRequested");
        runJob(journey, "StartEvent_JourneyRequested");
        assertThat(journey).isWaitingAt("CallActivity_RenewalReminder").hasNotPassed("Task_ReadMessages",
                "Task_ClassifyIntent");
        runJob(journey, "Task_SendReminder");
        return journey;
    }

    @Test
    void aRenewalReminderGoesOutOnThePreferredChannelAndAReplyIsHandedToGeneralSupport() {
        ProcessInstance journey = renewalRequested();

        assertThat(steps.said).singleElement().satisfies(said -> {
            assertThat(said.phrase()).isEqualTo("renewalReminder");
            assertThat(said.channel()).isEqualTo("preferred");
            assertThat(said.variables()).containsEntry("plan", "Plus").containsEntry("renewsOn", "2026-04-01");
        });
        assertThat(steps.sent).containsExactly("say:renewalReminder");
        steps.classifies("billing").decide("ANSWER", "billing", 50, "answer found");
        customerAnswers("Can I pause it instead?");

        assertThat(journey).hasPassed("Task_ClassifyIntent", "Task_ComposeAnswer").isWaitingAt("Task_SendReply");
    }

    @Test
    void aRenewalReminderNobodyAnswersResolvesQuietly() {
        ProcessInstance journey = renewalRequested();

        fireTimer(journey, "Event_Quiet");

        assertThat(steps.followUps).as("a reminder is not chased").isEmpty();
        assertThat(journey).isEnded().hasPassed("Task_ResolveQuiet");
    }

    // --- the handoff: due date, breach, business hours, channel switch ---------------------------------------------

    private Task escalated() {
        steps.decide("ESCALATE", "billing", 50, "refund over the limit");
        ProcessInstance journey = routedTo("billing");
        runJob(journey, "Task_SendHandoffNotice");
        assertThat(journey).isWaitingAt(GeneralSupport.USER_TASK);
        return task(journey);
    }

    @Test
    void theAgentsTaskIsDueByTheSlaAndABreachRaisesItAndAddsTheSupervisors() {
        Task agentTask = escalated();
        Instant due = MONDAY_NINE.plus(Duration.ofHours(8));
        assertThat(agentTask.getDueDate()).isEqualTo(Date.from(due));
        var breach = jobAt(processOf(agentTask), "Event_SlaBreached");
        assertThat(breach.getDuedate()).isEqualTo(Date.from(due));

        fireTimer(processOf(agentTask), "Event_SlaBreached");

        Task still = taskService().createTaskQuery().taskId(agentTask.getId()).singleResult();
        assertThat(still).as("the task stays: the timer does not interrupt it").isNotNull();
        assertThat(still.getPriority()).isEqualTo(70);
        assertThat(taskService().getIdentityLinksForTask(still.getId())).extracting(IdentityLink::getGroupId)
                .contains("billing", "supervisors");
        assertThat(steps.breaches).containsExactly(new ScriptedSteps.Breach("billing", 50, due.toString()));
        assertThat(processOf(agentTask)).hasPassed("Task_EscalateBreach", "EndEvent_BreachEscalated")
                .isWaitingAt(GeneralSupport.USER_TASK);
    }

    @Test
    void theRulesDueDateWinsOutsideBusinessHoursAndTheCustomerIsToldWhenAPersonReplies() {
        steps.decisionsAlsoSet(Map.of(Journey.Var.NEXT_OPENING, "2026-03-03T08:00:00Z",
                Journey.Var.RULES_DUE_DATE, "2026-03-03T08:00:00Z"));
        steps.decide("ESCALATE", "support", 50, "outside business hours");
        ProcessInstance journey = routedTo("billing");
        runJob(journey, "Task_SendHandoffNotice");

        assertThat(journey).hasPassed("Task_SayWhenAPersonReplies").isWaitingAt("Task_SendWhenNotice");
        assertThat(steps.phrases()).containsExactly("afterHoursHandoff");
        runJob(journey, "Task_SendWhenNotice");
        assertThat(steps.sent).containsExactly("handoff-notice", "say:afterHoursHandoff");
        assertThat(task(journey).getDueDate()).isEqualTo(Date.from(Instant.parse("2026-03-03T08:00:00Z")));
    }

    @Test
    void anAgentsResolutionIsRatedToo() {
        Task agentTask = escalated();
        ProcessInstance journey = processOf(agentTask);

        complete(agentTask, Map.of(GeneralSupport.Var.REPLY, "Refunded.", GeneralSupport.Var.OUTCOME, "resolve"));
        runJob(journey, "Task_SendReply");

        assertThat(steps.resolutions).containsExactly("resolved-by-agent");
        assertThat(steps.awaitedRating).containsExactly(true);
        assertThat(journey).isWaitingAt("CallActivity_Rating");
        runJob(journey, "Task_SendQuestion");
        fireTimer(journey, "Event_Quiet");
        assertThat(journey).isEnded();
        assertThat(steps.closed).containsExactly(conversationId);
    }

    @Test
    void anAnswerTheRulesMoveToAnotherChannelGoesThereWithANoteHere() {
        steps.decisionsAlsoSet(Map.of(Journey.Var.SWITCH_TO, "email"));
        steps.decide("SWITCH_CHANNEL", "billing", 50, "billing goes by authenticated email");
        ProcessInstance journey = routedTo("billing");

        assertThat(journey).hasPassed("Task_SwitchChannel").isWaitingAt("Task_SendOnOtherChannel");
        runJob(journey, "Task_SendOnOtherChannel");
        runJob(journey, "Task_SendReply");

        assertThat(steps.sent).containsExactly("answer-on-email", "note-where-the-answer-went");
        assertThat(journey).hasNotPassed("Task_AnnounceHandoff", "Task_ComposeAnswer");
    }

    // --- the customer goes quiet -----------------------------------------------------------------------------------

    private ProcessInstance answeredAndWaiting() {
        steps.decide("ANSWER", "support", 50, "answer found");
        ProcessInstance journey = routedTo("shipping");
        runJob(journey, "Task_SendReply");
        assertThat(journey).isWaitingAt("CallActivity_WaitWithFollowUp").hasNotPassed("Gateway_Wait");
        return journey;
    }

    @Test
    void aQuietCustomerGetsOneFollowUpBeforeTheConversationResolves() {
        ProcessInstance journey = answeredAndWaiting();

        fireTimer(journey, "Event_FollowUpDue");
        runJob(journey, "Task_SendFollowUp");
        fireTimer(journey, "Event_Quiet");

        assertThat(steps.followUps).containsExactly(conversationId);
        assertThat(steps.sent).containsExactly("bot-answer", "follow-up");
        assertThat(steps.resolutions).containsExactly("customer-went-quiet");
        assertThat(journey).isEnded().hasNotPassed("CallActivity_Rating");
    }

    @Test
    void aCustomerWhoAnswersTheFollowUpIsReadAgain() {
        ProcessInstance journey = answeredAndWaiting();
        fireTimer(journey, "Event_FollowUpDue");
        runJob(journey, "Task_SendFollowUp");

        customerWrites();

        assertThat(journey).hasPassed("Gateway_WroteAfterFollowUp").isWaitingAt("Task_ReadMessages");
        assertThat(runtimeService().getVariable(journey.getId(), Journey.Var.FOLLOWED_UP)).isEqualTo(true);
        steps.decide("ANSWER", "support", 50, "answer found");
        runJob(journey, "Task_ReadMessages");
        assertThat(runtimeService().getVariable(journey.getId(), Journey.Var.FOLLOWED_UP))
                .as("talking again: the next quiet spell may have its follow-up").isNull();
    }

    private static ProcessInstance processOf(Task task) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    }
}
