package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path of {@code processes/general-support.bpmn}, on a real engine without Spring: the file CX designers edit
 * is deployed as it is on disk, and its steps are {@link ScriptedSteps}. Jobs run only when a test executes them.
 */
class GeneralSupportProcessTest {

    private static final Path JOURNEY = Path.of("processes", "general-support.bpmn");
    private static final Path HANDOFF_FORM = Path.of("forms", "handoff.form");
    private static final Instant MONDAY_NINE = Instant.parse("2026-03-02T09:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().useProcessEngine(inMemoryEngine())
            .build();

    private final String conversationId = UUID.randomUUID().toString();
    private final ScriptedSteps steps = new ScriptedSteps();

    private static ProcessEngine inMemoryEngine() {
        String name = "process-test-" + UUID.randomUUID();
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }

    @BeforeEach
    void deployTheJourneysAsTheAppDoes() throws IOException {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        steps.register();
        ClockUtil.setCurrentTime(Date.from(MONDAY_NINE));
        try (InputStream journey = Files.newInputStream(JOURNEY); InputStream form = Files.newInputStream(HANDOFF_FORM)) {
            ENGINE.manageDeployment(repositoryService().createDeployment().name("throughline-journeys")
                    .addInputStream(JOURNEY.getFileName().toString(), journey)
                    .addInputStream(HANDOFF_FORM.getFileName().toString(), form)
                    .addClasspathResource(JourneyDeployment.WAKE_UP_RESOURCE)
                    .deploy());
        }
    }

    @AfterEach
    void resetClockAndDoubles() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.getProcessEngine().close();
    }

    // --- the bot answers -------------------------------------------------------------------------------------------

    @Test
    void aNewConversationIsReadInItsOwnJob() {
        ProcessInstance journey = startJourney();

        assertThat(journey).isWaitingAtExactly("Task_ReadMessages").hasBusinessKey(conversationId)
                .hasNotPassed("Task_ReadMessages");
        assertThat(managementService().createJobQuery().processInstanceId(journey.getId()).activityId("Task_ReadMessages")
                .count()).as("the accept's transaction only stores this job").isEqualTo(1);
    }

    @Test
    void answersFromTheKnowledgeBaseThenWaitsForTheCustomerOrSilence() {
        steps.decide("ANSWER", "support", 50, "answer found");
        ProcessInstance journey = startJourney();

        runJobAt(journey, "Task_ReadMessages");
        assertThat(journey).isWaitingAt("Task_SendReply")
                .hasPassedInOrder("Task_ReadMessages", "Task_ClassifyIntent", "Task_FindAnswer", "Task_Decide",
                        "Task_ComposeAnswer")
                .hasNotPassed("Task_AskForDetails", "Task_AnnounceHandoff", "UserTask_Agent");
        assertThat(steps.sent).as("sending is its own job, after the answer is stored").isEmpty();

        runJobAt(journey, "Task_SendReply");
        assertThat(steps.sent).containsExactly("bot-answer");
        assertWaitsForTheCustomerOrSilence(journey)
                .hasPassedInOrder("Task_ComposeAnswer", "Task_SendReply", "Task_CheckForNewMessages")
                .hasNotPassed("Task_ResolveByAgent", "Task_ResolveQuiet");
    }

    @Test
    void aFailedSendIsRetriedWithGrowingPausesThenBecomesAnIncident() {
        long[] pauses = {10, 30, 120, 600};
        steps.decide("ANSWER", "support", 50, "answer found").sendsFail(5);
        ProcessInstance journey = startJourney();
        runJobAt(journey, "Task_ReadMessages");

        for (int retriesLeft = 4; retriesLeft >= 0; retriesLeft--) {
            Job send = job("Task_SendReply", journey);
            assertThat(assertThrows(RuntimeException.class, () -> execute(send))).hasMessageContaining("channel down");
            Job retried = job("Task_SendReply", journey);
            assertThat(retried.getRetries()).isEqualTo(retriesLeft);
            assertThat(retried.getExceptionMessage()).isEqualTo("channel down");
            if (retriesLeft > 0) {
                assertThat(retried.getDuedate()).isEqualTo(Date.from(MONDAY_NINE.plusSeconds(pauses[4 - retriesLeft])));
            }
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(journey.getId()).activityId("Task_SendReply")
                .count()).isEqualTo(1);
        assertThat(steps.sent).isEmpty();
        assertThat(journey).isWaitingAt("Task_SendReply");
    }

    @Test
    void asksForDetailsWhenTheRulesWantThemThenWaits() {
        steps.decide("GATHER_DETAILS", "support", 50, "order number missing");
        ProcessInstance journey = startJourney();

        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendReply");

        assertThat(steps.sent).containsExactly("bot-asks-for-details");
        assertWaitsForTheCustomerOrSilence(journey)
                .hasPassedInOrder("Task_Decide", "Task_AskForDetails", "Task_SendReply")
                .hasNotPassed("Task_ComposeAnswer", "Task_AnnounceHandoff");
    }

    @Test
    void unreadMessagesFoundBeforeWaitingAreReadFirst() {
        steps.decide("ANSWER", "support", 50, "answer found").decide("ANSWER", "support", 50, "answer found")
                .unreadAtNextChecks(true);
        ProcessInstance journey = startJourney();
        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendReply");

        assertThat(journey).isWaitingAt("Task_ReadMessages").isNotWaitingAt("Gateway_Wait");
        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendReply");

        assertThat(steps.sent).containsExactly("bot-answer", "bot-answer");
        assertThat(timesPassed(journey, "Task_ReadMessages")).isEqualTo(2);
        assertThat(timesPassed(journey, "Task_CheckForNewMessages")).isEqualTo(2);
        assertWaitsForTheCustomerOrSilence(journey);
    }

    @Test
    void theCustomerWritingAgainWakesTheWaitingJourney() {
        steps.decide("ANSWER", "support", 50, "answer found").decide("GATHER_DETAILS", "support", 50, "need more");
        ProcessInstance journey = startJourney();
        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendReply");

        customerWrites();

        assertThat(journey).isWaitingAt("Task_ReadMessages").isNotWaitingAt("Gateway_Wait")
                .isNotWaitingFor(GeneralSupport.CUSTOMER_WROTE);
        assertThat(managementService().createJobQuery().processInstanceId(journey.getId()).timers().count())
                .as("the idle timer went with the gateway").isZero();
        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendReply");
        assertThat(steps.sent).containsExactly("bot-answer", "bot-asks-for-details");
        assertThat(timesPassed(journey, "Task_ClassifyIntent")).isEqualTo(2);
    }

    // --- a person takes over ---------------------------------------------------------------------------------------

    @Test
    void escalatesToTheDecidedQueueWithTheDecidedPriorityAfterTellingTheCustomer() {
        steps.decide("ESCALATE", "billing", 80, "refund over the limit");
        ProcessInstance journey = startJourney();
        runJobAt(journey, "Task_ReadMessages");

        assertThat(journey).isWaitingAt("Task_SendHandoffNotice").hasPassed("Task_AnnounceHandoff")
                .hasNotPassed("Task_ComposeAnswer", "Task_AskForDetails");
        runJobAt(journey, "Task_SendHandoffNotice");

        assertThat(steps.sent).containsExactly("handoff-notice");
        assertThat(journey).isWaitingAt(GeneralSupport.USER_TASK);
        Task agentTask = task(journey);
        assertThat(agentTask).hasCandidateGroup("billing").hasFormKey("camunda-forms:deployment:handoff.form");
        assertThat(agentTask.getPriority()).isEqualTo(80);
        assertThat(taskService().getVariableLocal(agentTask.getId(), "customer")).isEqualTo("Ada (ada@example.com)");
        assertThat(taskService().getVariables(agentTask.getId())).containsEntry(GeneralSupport.Var.REPLY, "")
                .containsEntry(GeneralSupport.Var.OUTCOME, "reply");
    }

    @Test
    void theAgentsTaskFindsItsFormInTheSameDeployment() throws IOException {
        Task agentTask = escalatedToAnAgent();

        try (InputStream form = formService().getDeployedTaskForm(agentTask.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(HANDOFF_FORM));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FOLLOW_UP", "SWITCH_CHANNEL"})
    void anActionTheJourneyDoesNotModelGoesToAPerson(String action) {
        steps.decide(action, "support", 50, "no step for " + action + " yet");
        ProcessInstance journey = startJourney();
        runJobAt(journey, "Task_ReadMessages");

        assertThat(journey).hasPassed("Task_AnnounceHandoff").isWaitingAt("Task_SendHandoffNotice");
        runJobAt(journey, "Task_SendHandoffNotice");
        assertThat(task(journey)).hasDefinitionKey(GeneralSupport.USER_TASK).hasCandidateGroup("support");
    }

    @Test
    void anAgentsReplyIsSentAndTheCustomersNextMessageGoesStraightBackToThem() {
        ProcessInstance journey = startJourney();
        Task agentTask = escalatedToAnAgent(journey);

        complete(agentTask, Map.of(GeneralSupport.Var.REPLY, "Refunded, sorry for the wait."));
        assertThat(journey).hasPassedInOrder(GeneralSupport.USER_TASK, "Task_RecordAgentReply")
                .isWaitingAt("Task_SendReply");
        runJobAt(journey, "Task_SendReply");
        assertThat(steps.sent).containsExactly("handoff-notice", "agent-reply");
        assertWaitsForTheCustomerOrSilence(journey)
                .variables().containsEntry(RememberWhoAnswers.WITH_AGENT, true);

        customerWrites();
        runJobAt(journey, "Task_ReadMessages");

        assertThat(journey).isWaitingAt(GeneralSupport.USER_TASK);
        assertThat(timesPassed(journey, "Task_ClassifyIntent")).as("the bot stays out of it").isEqualTo(1);
        assertThat(timesPassed(journey, "Task_Decide")).isEqualTo(1);
        assertThat(timesPassed(journey, "Task_AnnounceHandoff")).as("no second notice").isEqualTo(1);
        Task again = task(journey);
        assertThat(again).hasCandidateGroup("billing");
        assertThat(taskService().getVariable(again.getId(), GeneralSupport.Var.REPLY)).as("starts empty again")
                .isEqualTo("");
    }

    @Test
    void anAgentWhoHandsBackWithoutReplyingLeavesTheConversationToTheBot() {
        ProcessInstance journey = startJourney();
        Task agentTask = escalatedToAnAgent(journey);

        complete(agentTask, Map.of(GeneralSupport.Var.OUTCOME, "hand-back", GeneralSupport.Var.NOTE, "not billing"));

        assertWaitsForTheCustomerOrSilence(journey)
                .hasNotPassed("Task_RecordAgentReply", "Task_SendReply")
                .hasPassedInOrder(GeneralSupport.USER_TASK, "Task_CheckForNewMessages")
                .variables().containsEntry(RememberWhoAnswers.WITH_AGENT, false);
        assertThat(steps.sent).containsExactly("handoff-notice");

        steps.decide("ANSWER", "support", 50, "answer found");
        customerWrites();
        runJobAt(journey, "Task_ReadMessages");
        assertThat(timesPassed(journey, "Task_ClassifyIntent")).as("the bot answers again").isEqualTo(2);
        assertThat(journey).isWaitingAt("Task_SendReply");
    }

    @Test
    void anAgentWhoHandsBackWithAReplySendsItAndLeavesTheNextMessageToTheBot() {
        ProcessInstance journey = startJourney();
        Task agentTask = escalatedToAnAgent(journey);

        complete(agentTask, Map.of(GeneralSupport.Var.REPLY, "The bot can take it from here.",
                GeneralSupport.Var.OUTCOME, "hand-back"));
        runJobAt(journey, "Task_SendReply");

        assertThat(steps.sent).containsExactly("handoff-notice", "agent-reply");
        assertWaitsForTheCustomerOrSilence(journey)
                .variables().containsEntry(RememberWhoAnswers.WITH_AGENT, false);
    }

    @Test
    void anAgentWhoResolvesWithAReplySendsItThenResolves() {
        ProcessInstance journey = startJourney();
        Task agentTask = escalatedToAnAgent(journey);

        complete(agentTask, Map.of(GeneralSupport.Var.REPLY, "Done, have a good day.", GeneralSupport.Var.OUTCOME,
                "resolve"));
        assertThat(journey).isWaitingAt("Task_SendReply").hasNotPassed("Task_ResolveByAgent");
        runJobAt(journey, "Task_SendReply");

        assertThat(steps.sent).containsExactly("handoff-notice", "agent-reply");
        assertThat(steps.resolutions).containsExactly("resolved-by-agent");
        assertThat(journey).hasPassedInOrder("Task_RecordAgentReply", "Task_SendReply", "Task_ResolveByAgent")
                .hasNotPassed("Task_CheckForNewMessages").isEnded();
        assertThat(endedAt(journey)).isEqualTo("EndEvent_Resolved");
    }

    @Test
    void anAgentWhoResolvesWithABlankReplyResolvesWithoutSending() {
        ProcessInstance journey = startJourney();
        Task agentTask = escalatedToAnAgent(journey);

        complete(agentTask, Map.of(GeneralSupport.Var.REPLY, "  \n", GeneralSupport.Var.OUTCOME, "resolve"));

        assertThat(steps.sent).containsExactly("handoff-notice");
        assertThat(steps.resolutions).containsExactly("resolved-by-agent");
        assertThat(journey).hasNotPassed("Task_RecordAgentReply", "Task_SendReply").isEnded();
        assertThat(endedAt(journey)).isEqualTo("EndEvent_Resolved");
    }

    @Test
    void aCustomerWhoWroteWhileTheAgentResolvedIsReadAgainByTheBot() {
        ProcessInstance journey = startJourney();
        Task agentTask = escalatedToAnAgent(journey);
        steps.resolvedAtNextResolutions(false);

        complete(agentTask, Map.of(GeneralSupport.Var.OUTCOME, "resolve"));

        assertThat(journey).hasPassed("Task_ResolveByAgent").isNotEnded().isWaitingAt("Task_ReadMessages")
                .variables().containsEntry(RememberWhoAnswers.WITH_AGENT, false);
        steps.decide("ANSWER", "support", 50, "answer found");
        runJobAt(journey, "Task_ReadMessages");
        assertThat(timesPassed(journey, "Task_ClassifyIntent")).isEqualTo(2);
    }

    // --- the customer goes quiet -----------------------------------------------------------------------------------

    @Test
    void aCustomerQuietForTheIdleTimeoutIsResolved() {
        ProcessInstance journey = answeredAndWaiting();
        Job idle = managementService().createJobQuery().processInstanceId(journey.getId()).timers().singleResult();
        assertThat(idle.getDuedate()).isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofHours(24))));

        ClockUtil.setCurrentTime(Date.from(MONDAY_NINE.plus(Duration.ofHours(24)).minusSeconds(1)));
        assertThat(executableJobs(journey)).as("not yet").isZero();
        ClockUtil.setCurrentTime(Date.from(MONDAY_NINE.plus(Duration.ofHours(24)).plusSeconds(1)));
        assertThat(executableJobs(journey)).isEqualTo(1);
        execute(idle);

        assertThat(steps.resolutions).containsExactly("customer-went-quiet");
        assertThat(journey).hasPassedInOrder("Event_Quiet", "Task_ResolveQuiet").hasNotPassed("Event_CustomerWroteAgain")
                .isEnded();
        assertThat(endedAt(journey)).isEqualTo("EndEvent_Resolved");
    }

    @Test
    void theIdleTimeoutIsTheOneTheJourneyWasStartedWith() {
        steps.decide("ANSWER", "support", 50, "answer found");
        ProcessInstance journey = startJourney("PT2H");
        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendReply");

        assertThat(job("Event_Quiet", journey).getDuedate()).isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofHours(2))));
    }

    @Test
    void aCustomerWhoWroteJustAsTheTimeoutResolvedIsReadAgain() {
        ProcessInstance journey = answeredAndWaiting();
        steps.resolvedAtNextResolutions(false);

        ClockUtil.setCurrentTime(Date.from(MONDAY_NINE.plus(Duration.ofHours(25))));
        execute(job(journey));

        assertThat(steps.resolutions).containsExactly("customer-went-quiet");
        assertThat(journey).hasPassed("Task_ResolveQuiet").isNotEnded().isWaitingAt("Task_ReadMessages");
    }

    // --- the wake-up -----------------------------------------------------------------------------------------------

    @Test
    void aWakeUpIsOneAsyncJobThatWakesTheJourney() {
        ProcessInstance wakeUp = runtimeService().startProcessInstanceByKey(Journeys.WAKE_UP_KEY, conversationId,
                Map.of(GeneralSupport.Var.CONVERSATION_ID, conversationId));

        assertThat(wakeUp).isWaitingAt("Task_WakeJourney");
        assertThat(managementService().createJobQuery().processInstanceId(wakeUp.getId()).count()).isEqualTo(1);
        assertThat(steps.woken).isEmpty();

        execute(job(wakeUp));
        assertThat(steps.woken).containsExactly(conversationId);
        assertThat(wakeUp).hasPassed("Task_WakeJourney").isEnded();
    }

    @Test
    void aWakeUpForAWaitingJourneyMakesItReadTheNewMessage() {
        ProcessInstance journey = answeredAndWaiting();
        ProcessInstance wakeUp = runtimeService().startProcessInstanceByKey(Journeys.WAKE_UP_KEY, conversationId,
                Map.of(GeneralSupport.Var.CONVERSATION_ID, conversationId));

        execute(job(wakeUp));

        assertThat(wakeUp).isEnded();
        assertThat(journey).hasPassed("Event_CustomerWroteAgain").isWaitingAt("Task_ReadMessages");
    }

    // --- the file itself -------------------------------------------------------------------------------------------

    @Test
    void theEngineParsesTheJourneyWithoutWarnings() throws IOException {
        var configuration = ENGINE.getProcessEngineConfiguration();
        var parser = new BpmnParser(configuration.getExpressionManager(), WarningsKeptParse::new);
        byte[] bpmn = Files.readAllBytes(JOURNEY);

        WarningsKeptParse parse = configuration.getCommandExecutorTxRequired().execute(context -> {
            var deployment = new DeploymentEntity();
            deployment.setId("parse-check");
            var p = (WarningsKeptParse) parser.createParse().deployment(deployment).name(JOURNEY.toString())
                    .sourceInputStream(new ByteArrayInputStream(bpmn));
            p.execute();
            return p;
        });

        assertThat(parse.warnings()).isEmpty();
        assertThat(parse.getProcessDefinitions()).extracting("key").containsExactly(GeneralSupport.KEY);
    }

    @Test
    void everyElementOfTheJourneyIsDrawn() {
        BpmnModelInstance model = Bpmn.readModelFromFile(JOURNEY.toFile());
        Bpmn.validateModel(model);
        List<String> drawn = new ArrayList<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));

        Process process = model.getModelElementById(GeneralSupport.KEY);
        List<FlowNode> nodes = process.getFlowElements().stream().filter(FlowNode.class::isInstance)
                .map(FlowNode.class::cast).toList();
        List<SequenceFlow> flows = process.getFlowElements().stream().filter(SequenceFlow.class::isInstance)
                .map(SequenceFlow.class::cast).toList();
        assertThat(nodes).extracting(FlowNode::getId).isSubsetOf(drawn).contains(GeneralSupport.USER_TASK);
        assertThat(flows).extracting(SequenceFlow::getId).isSubsetOf(drawn);
        assertThat(drawn).as("nothing drawn twice").doesNotHaveDuplicates().hasSize(nodes.size() + flows.size());
    }

    @Test
    void bothSendsRetryFiveTimesWithGrowingPauses() {
        BpmnModelInstance model = Bpmn.readModelFromFile(JOURNEY.toFile());

        for (String send : List.of("Task_SendReply", "Task_SendHandoffNotice")) {
            ServiceTask task = model.getModelElementById(send);
            assertThat(task.isCamundaAsyncBefore()).as(send + " is async").isTrue();
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                    .singleResult().getTextContent()).as(send).isEqualTo("PT10S,PT30S,PT2M,PT10M");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** As {@link Journeys} starts it on the customer's first message. */
    private ProcessInstance startJourney() {
        return startJourney("PT24H");
    }

    private ProcessInstance startJourney(String idleTimeout) {
        return runtimeService().startProcessInstanceByKey(GeneralSupport.KEY, conversationId, Map.of(
                GeneralSupport.Var.CONVERSATION_ID, conversationId,
                GeneralSupport.Var.CUSTOMER_ID, UUID.randomUUID().toString(),
                GeneralSupport.Var.IDLE_TIMEOUT, idleTimeout,
                RememberWhoAnswers.WITH_AGENT, false));
    }

    /** As the wake-up does once it holds the conversation. */
    private void customerWrites() {
        runtimeService().createMessageCorrelation(GeneralSupport.CUSTOMER_WROTE).processInstanceBusinessKey(conversationId)
                .correlate();
    }

    private ProcessInstance answeredAndWaiting() {
        steps.decide("ANSWER", "support", 50, "answer found");
        ProcessInstance journey = startJourney();
        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendReply");
        assertWaitsForTheCustomerOrSilence(journey);
        return journey;
    }

    private Task escalatedToAnAgent() {
        return escalatedToAnAgent(startJourney());
    }

    private Task escalatedToAnAgent(ProcessInstance journey) {
        steps.decide("ESCALATE", "billing", 80, "refund over the limit");
        runJobAt(journey, "Task_ReadMessages");
        runJobAt(journey, "Task_SendHandoffNotice");
        assertThat(journey).isWaitingAt(GeneralSupport.USER_TASK);
        return task(journey);
    }

    /** The event-based gateway holds the token; its two events wait as a message subscription and a timer job. */
    private static ProcessInstanceAssert assertWaitsForTheCustomerOrSilence(ProcessInstance journey) {
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(journey.getId())
                .activityId("Event_CustomerWroteAgain").eventName(GeneralSupport.CUSTOMER_WROTE).count()).isEqualTo(1);
        assertThat(managementService().createJobQuery().processInstanceId(journey.getId()).activityId("Event_Quiet")
                .timers().count()).isEqualTo(1);
        return assertThat(journey).isWaitingAtExactly("Gateway_Wait").isWaitingFor(GeneralSupport.CUSTOMER_WROTE);
    }

    private static void runJobAt(ProcessInstance journey, String activityId) {
        assertThat(journey).isWaitingAt(activityId);
        execute(job(activityId, journey));
    }

    private static long timesPassed(ProcessInstance journey, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(journey.getId())
                .activityId(activityId).finished().count();
    }

    private static long executableJobs(ProcessInstance journey) {
        return managementService().createJobQuery().processInstanceId(journey.getId()).executable().count();
    }

    private static String endedAt(ProcessInstance journey) {
        return historyService().createHistoricProcessInstanceQuery().processInstanceId(journey.getId()).singleResult()
                .getEndActivityId();
    }

    /** The engine's own BPMN parse, keeping the warnings it would otherwise only log. */
    private static final class WarningsKeptParse extends BpmnParse {

        WarningsKeptParse(BpmnParser parser) {
            super(parser);
        }

        List<String> warnings() {
            return warnings.stream().map(w -> w.getLine() + ":" + w.getColumn() + ": " + w.getMessage()).toList();
        }
    }
}
