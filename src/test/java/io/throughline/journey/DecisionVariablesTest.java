package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.decision.AnswerFacts;
import io.throughline.decision.BusinessHours;
import io.throughline.decision.BusinessHoursFacts;
import io.throughline.decision.ConversationFacts;
import io.throughline.decision.CustomerFacts;
import io.throughline.decision.Decider;
import io.throughline.decision.Decision;
import io.throughline.decision.RulesSettings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The variables the Decide step leaves for the journeys, from real rules: names, values, and times in a form the engine
 * takes for a task's due date and a timer.
 */
class DecisionVariablesTest {

    private static final Decider decider = new Decider(new RulesSettings(java.nio.file.Path.of("rules")));
    private static final BusinessHours HOURS = BusinessHours.of(ZoneId.of("Europe/Amsterdam"),
            Map.of(DayOfWeek.MONDAY, "09:00-17:00", DayOfWeek.FRIDAY, "09:00-17:00"), List.of());
    private static final Instant SATURDAY_NOON = Instant.parse("2025-06-07T10:00:00Z");
    private static final Instant MONDAY_NINE = Instant.parse("2025-06-09T07:00:00Z");
    private static final ProcessEngine engine = TestEngines.inMemory();

    @AfterEach
    void reset() {
        Mocks.reset();
        TestEngines.undeployAll(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aFollowUpOutsideHoursGivesTheTaskItsDueDateAtTheNextOpening() {
        Decision decision = decide("billing", Set.of("visitor"), AnswerFacts.none());

        Map<String, Object> variables = runThroughATaskDueAt("${dueDate}", decision);

        assertThat(variables).containsEntry("action", "FOLLOW_UP").containsEntry("queue", "billing")
                .containsEntry("priority", 50)
                .containsEntry("followUpAt", "2025-06-09T09:00:00+02:00")
                .containsEntry("dueDate", "2025-06-09T09:00:00+02:00")
                .containsEntry("nextOpening", "2025-06-09T09:00:00+02:00")
                .containsEntry("nextOpeningText", "Monday 9 June at 09:00")
                .containsEntry("businessOpen", false)
                .containsEntry("switchTo", null).containsEntry("afterSwitch", null).containsEntry("missingDetails", "");
        assertThat((String) variables.get("reasons")).isEqualTo("no answer found in the knowledge base\n"
                + "billing question: billing queue\noutside business hours: a person follows up Monday 9 June at 09:00");
        assertThat((String) variables.get("rulesFired")).startsWith("Nothing found\n");
        assertThat(engine.getTaskService().createTaskQuery().singleResult().getDueDate())
                .isEqualTo(Date.from(MONDAY_NINE));
    }

    @Test
    void aSwitchAndTheDetailsToAskForAreWrittenToo() {
        Decision switched = decide("billing", Set.of("visitor", "email"), new AnswerFacts(true, 0.9, 1));
        Decision asking = decide("troubleshooting", Set.of("visitor"), AnswerFacts.none());

        Map<String, Object> afterSwitch = runThroughATaskDueAt("${followUpAt}", switched);
        Map<String, Object> afterAsking = runThroughATaskDueAt("${dueDate}", asking);

        assertThat(afterSwitch).containsEntry("action", "SWITCH_CHANNEL").containsEntry("switchTo", "email")
                .containsEntry("afterSwitch", "ANSWER").containsEntry("dueDate", null);
        assertThat(afterAsking).containsEntry("action", "GATHER_DETAILS").containsEntry("missingDetails", "device,error");
    }

    private static Decision decide(String intent, Set<String> identities, AnswerFacts answer) {
        return decider.decide(ConversationFacts.builder().conversationId("c-1").intent(intent, 0.9).text("help").build(),
                new CustomerFacts("cu-1", "basic", Map.of(), identities, null), answer,
                BusinessHoursFacts.at(HOURS, SATURDAY_NOON));
    }

    /** Deploys decide -> user task (due at {@code dueDate}), runs it with {@code decision}; the instance's variables. */
    private static Map<String, Object> runThroughATaskDueAt(String dueDate, Decision decision) {
        Mocks.register("decide", (JavaDelegate) execution -> DecisionVariables.write(decision, execution));
        var process = Bpmn.createExecutableProcess("decided").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("decide").camundaDelegateExpression("${decide}")
                .userTask("task").camundaDueDate(dueDate).endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("decided.bpmn", process).deploy();
        var instance = engine.getRuntimeService().startProcessInstanceByKey("decided");
        return engine.getRuntimeService().getVariables(instance.getId());
    }
}
