package io.throughline.decision;

import static io.throughline.decision.Facts.MONDAY_OPENING;
import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.basicCustomer;
import static io.throughline.decision.Facts.closed;
import static io.throughline.decision.Facts.customerOnPlan;
import static io.throughline.decision.Facts.open;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The shipped rules/business-hours.drl: outside business hours a person follows up at the next opening. */
class BusinessHoursRulesTest {

    private static final Decider decider = new Decider(new RulesSettings(Path.of("rules")));

    @Test
    void anEscalationOutsideBusinessHoursBecomesAFollowUpAtTheNextOpening() {
        Decision decision = decider.decide(question("billing").build(), basicCustomer(), AnswerFacts.none(), closed());

        assertThat(decision.getAction()).isEqualTo(Action.FOLLOW_UP);
        assertThat(decision.getFollowUpAt()).isEqualTo(MONDAY_OPENING);
        assertThat(decision.getDueDate()).isEqualTo(MONDAY_OPENING);
        assertThat(decision.getQueue()).as("the queue routing chose stays").isEqualTo("billing");
        assertThat(decision.getRulesFired()).containsExactly("Nothing found", "Billing escalations go to billing",
                "Outside business hours a person follows up at the next opening");
        assertThat(decision.getReasons()).endsWith("outside business hours: a person follows up Monday 9 June at 09:00");
        assertThat(decision.isOpen()).isFalse();
        assertThat(decision.getNextOpening()).isEqualTo(MONDAY_OPENING);
        assertThat(decision.getNextOpeningText()).isEqualTo("Monday 9 June at 09:00");
    }

    @Test
    void aCustomerAskingForAPersonOutsideHoursIsFollowedUpToo() {
        Decision decision = decider.decide(question("human").build(), basicCustomer(), answerWithConfidence(0.9), closed());

        assertThat(decision.getAction()).isEqualTo(Action.FOLLOW_UP);
        assertThat(decision.getReasons()).startsWith("customer asked for a person");
    }

    @Test
    void aVipEscalationStaysAnEscalationOutsideHoursAndIsDueAtTheNextOpening() {
        Decision decision = decider.decide(question("human").build(), customerOnPlan("vip"), answerWithConfidence(0.9),
                closed());

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getQueue()).isEqualTo("vip");
        assertThat(decision.getFollowUpAt()).isNull();
        assertThat(decision.getNextOpening()).isEqualTo(MONDAY_OPENING);
        assertThat(decision.getDueDate()).isEqualTo(MONDAY_OPENING);
        assertThat(decision.getRulesFired()).doesNotContain("Outside business hours a person follows up at the next opening");
    }

    @Test
    void duringBusinessHoursAnEscalationStaysAnEscalationWithNoDueDateFromTheHours() {
        Decision decision = decider.decide(question("human").build(), basicCustomer(), answerWithConfidence(0.9), open());

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.isOpen()).isTrue();
        assertThat(decision.getNextOpening()).isNull();
        assertThat(decision.getDueDate()).isNull();
    }

    @Test
    void answersAndQuestionsForDetailsAreTheBotsOwnAtAnyHour() {
        Decision answered = decider.decide(question("shipping").build(), basicCustomer(), answerWithConfidence(0.9),
                closed());
        Decision asked = decider.decide(question("troubleshooting").text("it is broken").build(), basicCustomer(),
                answerWithConfidence(0.45), closed());

        assertThat(answered.getAction()).isEqualTo(Action.ANSWER);
        assertThat(answered.getDueDate()).isNull();
        assertThat(asked.getAction()).isEqualTo(Action.GATHER_DETAILS);
    }
}
