package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every path of {@code processes/csat.bpmn}: the rating after a resolution. */
class CsatProcessTest extends JourneyProcessTest {

    private ProcessInstance asked() {
        ProcessInstance csat = start(Journey.CSAT, Map.of());
        assertThat(csat).hasPassed("Task_AskHowWeDid").isWaitingAt("Task_SendQuestion");
        assertThat(steps.phrases()).containsExactly("csatQuestion");
        runJob(csat, "Task_SendQuestion");
        assertThat(csat).isWaitingAt("CallActivity_WaitForRating");
        return csat;
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"5|CSAT 5", "4 - quick and friendly|CSAT 4 quick and friendly",
            "⭐⭐⭐|CSAT 3", "2/5: slow|CSAT 2 slow"})
    void aRatingIsRecordedThankedAndTheConversationClosed(String answer, String recorded) {
        ProcessInstance csat = asked();

        steps.customerSays(answer);
        customerWrites();
        runJob(csat, "Task_SendThanks");

        assertThat(steps.ratings).containsExactly(recorded);
        assertThat(steps.sent).containsExactly("say:csatQuestion", "say:csatThanks");
        assertThat(csat).isEnded().hasPassedInOrder("Task_TakeRating", "Task_Thank", "Task_Close", "EndEvent_Closed");
        assertThat(steps.closed).containsExactly(conversationId);
        assertThat(endVariable(csat, Journey.Var.RATING_OUTCOME)).isEqualTo("closed");
    }

    @Test
    void aMessageThatIsNoRatingReopensTheConversationAsANewQuestion() {
        ProcessInstance csat = asked();

        steps.customerSays("Actually, where is my refund?");
        customerWrites();

        assertThat(steps.ratings).containsExactly("REOPENED");
        assertThat(csat).isEnded().hasPassed("EndEvent_Reopened").hasNotPassed("Task_Close");
        assertThat(endVariable(csat, Journey.Var.RATING_OUTCOME)).isEqualTo("reopened");
        assertThat(endVariable(csat, GeneralSupport.Var.QUESTION)).isEqualTo("Actually, where is my refund?");
        assertThat(steps.closed).isEmpty();
    }

    @Test
    void noAnswerWithinTheCsatTimeoutClosesTheConversation() {
        ProcessInstance csat = asked();
        assertThat(jobAt(csat, "Event_Quiet").getDuedate()).isEqualTo(Date.from(MONDAY_NINE.plus(Duration.ofHours(24))));

        fireTimer(csat, "Event_Quiet");

        assertThat(steps.followUps).as("nobody is chased for a rating").isEmpty();
        assertThat(csat).isEnded().hasPassed("Task_Close", "EndEvent_Closed").hasNotPassed("Task_TakeRating");
    }

    @Test
    void aCustomerWhoWritesAsItClosesIsReadByGeneralSupport() {
        ProcessInstance csat = asked();
        steps.closedAtNextCloses(false);

        fireTimer(csat, "Event_Quiet");

        assertThat(csat).isEnded().hasPassed("EndEvent_CustomerWrote");
        assertThat(endVariable(csat, Journey.Var.RATING_OUTCOME)).isEqualTo("customer-wrote");
    }
}
