package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journeys' history as insights reads it, from a real in-memory engine whose clock the test moves. */
class JourneyStepsTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static ProcessEngine engine;
    private static JourneySteps steps;

    /** Ask, then a person replies within the hour or the customer is given up on. */
    private static final BpmnModelInstance ASK = Bpmn.createExecutableProcess("ask").name("Ask a person")
            .startEvent("Start").name("Customer wrote")
            .userTask("Reply").name("Reply to the customer").camundaCandidateGroups("support")
            .boundaryEvent("TooLate").name("An hour passed").timerWithDuration("PT1H").endEvent("GaveUp")
            .moveToActivity("Reply").endEvent("Replied")
            .done();

    @BeforeAll
    static void engine() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        String name = "journey-steps-" + UUID.randomUUID();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setJobExecutorActivate(false);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("ask.bpmn", ASK).deploy();
        steps = new JourneySteps(engine.getRepositoryService(), engine.getHistoryService(), engine.getTaskService());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void eachStepCountsVisitsWaitsAndWhereConversationsLeft() {
        at(NINE);
        var answered = start("c-1");
        var abandoned = start("c-2");
        at(NINE.plus(Duration.ofMinutes(10)));
        var waiting = start("c-3");
        at(NINE.plus(Duration.ofMinutes(20)));
        engine.getTaskService().complete(task(answered));
        at(NINE.plus(Duration.ofMinutes(61)));
        var timer = engine.getManagementService().createJobQuery().processInstanceId(abandoned).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        at(NINE.plus(Duration.ofMinutes(40)));

        JourneySteps.Stats stats = steps.activityStats("ask", NINE.minusSeconds(60), NINE.plus(Duration.ofHours(1)))
                .orElseThrow();

        assertThat(stats.started()).isEqualTo(3);
        assertThat(stats.completed()).isEqualTo(2);
        assertThat(stats.running()).isEqualTo(1);
        JourneySteps.Step reply = step(stats, "Reply");
        assertThat(reply.name()).isEqualTo("Reply to the customer");
        assertThat(reply.type()).isEqualTo("userTask");
        assertThat(reply.visits()).isEqualTo(3);
        assertThat(reply.waitingNow()).isEqualTo(1);
        assertThat(reply.completed()).isEqualTo(1);
        assertThat(reply.left()).as("the timer took over").isEqualTo(1);
        assertThat(reply.sampled()).isEqualTo(2);
        assertThat(reply.medianWaitSeconds()).isEqualTo(20 * 60.0);
        assertThat(reply.p90WaitSeconds()).isEqualTo(61 * 60.0);
        assertThat(reply.longestWaitingNowSeconds()).as("c-3 since 09:10, now 09:40").isEqualTo(30 * 60.0);
        assertThat(step(stats, "GaveUp").endedHere()).isEqualTo(1);
        assertThat(step(stats, "Replied").endedHere()).isEqualTo(1);
        assertThat(step(stats, "TooLate").name()).isEqualTo("An hour passed");
        assertThat(waiting).isNotBlank();

        assertThat(steps.activityStats("ask", NINE.plus(Duration.ofDays(1)), NINE.plus(Duration.ofDays(2))).orElseThrow()
                .steps()).as("nothing started that day").isEmpty();
        assertThat(steps.activityStats("no-such-journey", NINE, NINE.plusSeconds(1))).isEmpty();
    }

    @Test
    void journeysDiagramsAndOpenTasks() {
        assertThat(steps.journeys()).extracting(JourneySteps.Journey::key, JourneySteps.Journey::name)
                .contains(org.assertj.core.groups.Tuple.tuple("ask", "Ask a person"));
        assertThat(steps.diagram("ask")).hasValueSatisfying(xml -> assertThat(xml).contains("id=\"Reply\""));
        assertThat(steps.diagram("nothing")).isEmpty();

        start("c-open");
        assertThat(steps.waitingTasks()).isPositive();
        Map<String, Long> byQueue = steps.waitingTasks(List.of("support", "sales"));
        assertThat(byQueue.get("support")).isPositive();
        assertThat(byQueue).containsEntry("sales", 0L);
    }

    private static String start(String conversation) {
        return engine.getRuntimeService().startProcessInstanceByKey("ask", conversation).getId();
    }

    private static String task(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    private static JourneySteps.Step step(JourneySteps.Stats stats, String id) {
        return stats.steps().stream().filter(s -> s.activityId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id + " in " + stats.steps()));
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
