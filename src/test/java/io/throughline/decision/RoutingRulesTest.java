package io.throughline.decision;

import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.basicCustomer;
import static io.throughline.decision.Facts.customerOnPlan;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped rules/routing.drl: which queue and priority an escalation gets. */
class RoutingRulesTest {

    private static final Decider decider = new Decider(new RulesSettings(Path.of("rules")));
    private static final AnswerFacts LOW_CONFIDENCE = answerWithConfidence(0.2);

    @Test
    void billingEscalationGoesToTheBillingQueue() {
        Decision decision = decider.decide(question("billing").build(), basicCustomer(), LOW_CONFIDENCE);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getQueue()).isEqualTo("billing");
        assertThat(decision.getPriority()).isEqualTo(50);
        assertThat(decision.getRulesFired())
                .containsExactly("Low answer confidence", "Billing escalations go to billing");
    }

    @Test
    void preSalesEscalationGoesToTheSalesQueue() {
        Decision decision = decider.decide(question("pre-sales").build(), basicCustomer(), LOW_CONFIDENCE);

        assertThat(decision.getQueue()).isEqualTo("sales");
        assertThat(decision.getRulesFired()).contains("Pre-sales escalations go to sales");
    }

    @Test
    void otherEscalationsStayInSupport() {
        Decision decision = decider.decide(question("shipping").build(), basicCustomer(), LOW_CONFIDENCE);

        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence");
    }

    @Test
    void answersAreNotRouted() {
        Decision decision = decider.decide(question("billing").build(), basicCustomer(), answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getRulesFired()).containsExactly("Confident answer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vip", "VIP", "Vip"})
    void vipCustomerAskingForAPersonGetsTheVipQueueAtHighPriority(String plan) {
        Decision decision = decider.decide(question("human").build(), customerOnPlan(plan),
                answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getQueue()).isEqualTo("vip");
        assertThat(decision.getPriority()).isEqualTo(80);
        assertThat(decision.getReasons()).contains("customer asked for a person", "VIP plan");
        assertThat(decision.getRulesFired()).containsExactly("Customer asks for a person",
                "VIP plan raises priority", "VIP escalations go to the vip queue");
    }

    @Test
    void vipQueueWinsOverBilling() {
        Decision decision = decider.decide(question("billing").build(), customerOnPlan("vip"), LOW_CONFIDENCE);

        assertThat(decision.getQueue()).isEqualTo("vip");
        assertThat(decision.getPriority()).isEqualTo(80);
    }

    @Test
    void vipAnswerKeepsTheHighPriorityButIsNotRouted() {
        Decision decision = decider.decide(question("shipping").build(), customerOnPlan("vip"),
                answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
        assertThat(decision.getPriority()).isEqualTo(80);
        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getRulesFired()).containsExactly("Confident answer", "VIP plan raises priority");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"basic", "plus", "vipish"})
    void otherPlansKeepNormalPriority(String plan) {
        Decision decision = decider.decide(question("human").build(), customerOnPlan(plan), LOW_CONFIDENCE);

        assertThat(decision.getPriority()).isEqualTo(50);
        assertThat(decision.getQueue()).isEqualTo("support");
    }
}
