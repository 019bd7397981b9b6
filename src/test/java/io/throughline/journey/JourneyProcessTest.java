package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the journeys' process tests share: one in-memory engine without Spring (for all of them: building one takes
 * seconds), every file of {@code processes/} (and
 * the handoff form and the wake-up) deployed as the app deploys them, {@link ScriptedSteps} for the delegates, the
 * engine's clock at a fixed Monday, and helpers that reach into the instances a journey calls (the wait for the
 * customer, the rating). Jobs, timers included, run only when a test executes them.
 */
abstract class JourneyProcessTest {

    static final Instant MONDAY_NINE = Instant.parse("2026-03-02T09:00:00Z");
    static final Path PROCESSES = Path.of("processes");
    private static final Path HANDOFF_FORM = Path.of("forms", "handoff.form");
    private static final ProcessEngine ENGINE_INSTANCE = inMemoryEngine();

    private String deploymentId;

    final String conversationId = UUID.randomUUID().toString();
    final String customerId = UUID.randomUUID().toString();
    final ScriptedSteps steps = new ScriptedSteps();

    private static ProcessEngine inMemoryEngine() {
        String name = "journeys-test-" + UUID.randomUUID();
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
        BpmnAwareTests.init(ENGINE_INSTANCE);
        steps.register();
        ClockUtil.setCurrentTime(Date.from(MONDAY_NINE));
        var deployment = repositoryService().createDeployment().name("throughline-journeys");
        List<InputStream> opened = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                InputStream in = Files.newInputStream(file);
                opened.add(in);
                deployment.addInputStream(file.getFileName().toString(), in);
            }
        }
        try (InputStream form = Files.newInputStream(HANDOFF_FORM)) {
            deploymentId = deployment.addInputStream(HANDOFF_FORM.getFileName().toString(), form)
                    .addClasspathResource(JourneyDeployment.WAKE_UP_RESOURCE).deploy().getId();
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
    }

    @AfterEach
    void resetClockDoublesAndDeployment() {
        repositoryService().deleteDeployment(deploymentId, true, true);
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** The variables {@link JourneyVariables} starts a conversation's journey with, the settings' defaults included. */
    Map<String, Object> conversationVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(GeneralSupport.Var.CONVERSATION_ID, conversationId);
        variables.put(GeneralSupport.Var.CUSTOMER_ID, customerId);
        variables.put(GeneralSupport.Var.IDLE_TIMEOUT, "PT24H");
        variables.put(GeneralSupport.Var.ROUTE_FROM_SCORE, 0.75);
        variables.put(RememberWhoAnswers.WITH_AGENT, false);
        variables.put(Journey.Var.FOLLOW_UP_AFTER, "PT4H");
        variables.put(Journey.Var.CSAT_TIMEOUT, "PT24H");
        variables.put(Journey.Var.CHECKLIST_AFTER, "P1D");
        variables.put(Journey.Var.NUDGE_AFTER, "P2D");
        return variables;
    }

    /** Starts a process with this conversation as business key, as a call activity from general support would. */
    ProcessInstance start(String key, Map<String, Object> extra) {
        Map<String, Object> variables = conversationVariables();
        variables.putAll(extra);
        return runtimeService().startProcessInstanceByKey(key, conversationId, variables);
    }

    /** As the wake-up does once it holds the conversation: every instance waiting for the customer hears it. */
    void customerWrites() {
        runtimeService().createMessageCorrelation(GeneralSupport.CUSTOMER_WROTE).processInstanceBusinessKey(conversationId)
                .correlateAll();
    }

    /** The instance and every instance it called, however deep. */
    static List<String> tree(ProcessInstance root) {
        List<String> ids = new ArrayList<>();
        List<String> next = List.of(root.getId());
        while (!next.isEmpty()) {
            ids.addAll(next);
            List<String> children = new ArrayList<>();
            for (String id : next) {
                runtimeService().createProcessInstanceQuery().superProcessInstanceId(id).list()
                        .forEach(child -> children.add(child.getId()));
            }
            next = children;
        }
        return ids;
    }

    /** The one job at this activity anywhere in the instance's tree. */
    static Job jobAt(ProcessInstance root, String activityId) {
        List<Job> jobs = new ArrayList<>();
        for (String id : tree(root)) {
            jobs.addAll(managementService().createJobQuery().processInstanceId(id).activityId(activityId).list());
        }
        assertThat(jobs).as("jobs at " + activityId).hasSize(1);
        return jobs.get(0);
    }

    static void runJob(ProcessInstance root, String activityId) {
        execute(jobAt(root, activityId));
    }

    /** Moves the engine's clock just past the timer at this activity and fires it. */
    static void fireTimer(ProcessInstance root, String activityId) {
        Job timer = jobAt(root, activityId);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1_000));
        execute(timer);
    }

    /** The called instance of this process in the tree (the wait, the rating...). */
    static ProcessInstance called(ProcessInstance root, String key) {
        for (String id : tree(root)) {
            var instance = runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
            String definitionKey = repositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey();
            if (definitionKey.equals(key)) {
                return instance;
            }
        }
        throw new AssertionError("no " + key + " instance under " + root.getId());
    }

    static long timesPassed(ProcessInstance journey, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(journey.getId())
                .activityId(activityId).finished().count();
    }

    static String endedAt(ProcessInstance journey) {
        return historyService().createHistoricProcessInstanceQuery().processInstanceId(journey.getId()).singleResult()
                .getEndActivityId();
    }

    /** A variable of an instance that has ended. */
    static Object endVariable(ProcessInstance journey, String name) {
        var variable = historyService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }
}
