package io.throughline.decision;

import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.customerWithAttributes;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every row of the shipped decision table rules/queues.csv: queues and priorities from intent and attributes. */
class QueuesTableTest {

    private static final Decider decider = new Decider(new RulesSettings(Path.of("rules")));
    private static final AnswerFacts LOW_CONFIDENCE = answerWithConfidence(0.2);
    private static final CustomerFacts PLAIN = customerWithAttributes(Map.of("plan", "basic"));

    @Test
    void row10BookingsGoToSales() {
        Decision decision = decider.decide(question("booking").build(), PLAIN, LOW_CONFIDENCE);

        assertThat(decision.getQueue()).isEqualTo("sales");
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence", "demo bookings go to the sales queue");
    }

    @Test
    void row11AnOverdueAccountGoesToBillingWhateverTheQuestion() {
        CustomerFacts overdue = customerWithAttributes(Map.of("account", Map.of("status", "overdue")));

        Decision decision = decider.decide(question("shipping").build(), overdue, LOW_CONFIDENCE);

        assertThat(decision.getQueue()).isEqualTo("billing");
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence",
                "an overdue account goes to the billing queue");
    }

    @Test
    void row12ABusinessAccountRaisesThePriorityTo60() {
        CustomerFacts business = customerWithAttributes(Map.of("account", Map.of("type", "business", "status", "active")));

        Decision decision = decider.decide(question("shipping").build(), business, LOW_CONFIDENCE);

        assertThat(decision.getPriority()).isEqualTo(60);
        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence",
                "a business account raises the priority to 60");
    }

    @Test
    void row13ADelayedOrderRaisesThePriorityTo70() {
        CustomerFacts delayed = customerWithAttributes(Map.of("orders", List.of(
                Map.of("number", "LC-10231", "status", "delivered"), Map.of("number", "LC-10302", "status", "delayed"))));

        Decision decision = decider.decide(question("shipping").build(), delayed, LOW_CONFIDENCE);

        assertThat(decision.getPriority()).isEqualTo(70);
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence",
                "a delayed order raises the priority to 70");
    }

    @Test
    void theHigherPriorityWinsAndEachRaiseFiresOnce() {
        CustomerFacts both = customerWithAttributes(Map.of("account", Map.of("type", "business"),
                "orders", List.of(Map.of("status", "delayed"))));

        Decision decision = decider.decide(question("shipping").build(), both, LOW_CONFIDENCE);

        assertThat(decision.getPriority()).isEqualTo(70);
        assertThat(decision.getRulesFired()).doesNotHaveDuplicates();
    }

    @Test
    void routesMoveOnlyEscalationsStillInSupport() {
        CustomerFacts vip = customerWithAttributes(Map.of("plan", "vip"));

        Decision answered = decider.decide(question("booking").build(), PLAIN, answerWithConfidence(0.9));
        Decision vipBooking = decider.decide(question("booking").build(), vip, LOW_CONFIDENCE);
        Decision returned = decider.decide(question("returns").build(), PLAIN, LOW_CONFIDENCE);

        assertThat(answered.getQueue()).isEqualTo("support");
        assertThat(vipBooking.getQueue()).as("the VIP queue has the last word").isEqualTo("vip");
        assertThat(returned.getQueue()).isEqualTo("support");
    }

    @Test
    void attributesOfOtherValuesChangeNothing() {
        CustomerFacts ordinary = customerWithAttributes(Map.of("account", Map.of("status", "active", "type", "consumer"),
                "orders", List.of(Map.of("status", "shipped"))));

        Decision decision = decider.decide(question("shipping").build(), ordinary, LOW_CONFIDENCE);

        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getPriority()).isEqualTo(50);
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence");
    }
}
