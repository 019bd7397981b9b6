package io.throughline.decision;

import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.basicCustomer;
import static io.throughline.decision.Facts.customerWithAttributes;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped rules/details.drl: what the bot asks for before a person takes over. */
class DetailsRulesTest {

    private static final Decider decider = new Decider(new RulesSettings(Path.of("rules")));
    private static final AnswerFacts NOTHING_FOUND = AnswerFacts.none();

    @Test
    void anOrderProblemWithoutAnOrderNumberAsksForItInsteadOfEscalating() {
        Decision decision = decider.decide(question("shipping").text("Where is my order? It has been a week").build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.GATHER_DETAILS);
        assertThat(decision.getMissingDetails()).containsExactly("orderNumber");
        assertThat(decision.getRulesFired()).containsExactly("Nothing found", "An order problem needs the order number");
        assertThat(decision.getReasons()).containsExactly("no answer found in the knowledge base",
                "an order problem: ask for the order number first");
    }

    @Test
    void aReturnIsAnOrderProblemToo() {
        Decision decision = decider.decide(question("returns").text("I want to send back my parcel").build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getMissingDetails()).containsExactly("orderNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Where is my order LC-10231?", "my order #48213 did not arrive", "my parcel 1234567 is late"})
    void anOrderNumberGivenInTheConversationIsNotAskedFor(String text) {
        Decision decision = decider.decide(question("shipping").text(text).build(), basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getMissingDetails()).isEmpty();
    }

    @Test
    void anOrderNumberFromAnEarlierMessageCounts() {
        ConversationFacts conversation = question("shipping").text("Where is my order?")
                .customerText("Hi, about order LC-10231\nWhere is my order?").build();

        Decision decision = decider.decide(conversation, basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void aCustomerWithExactlyOneOrderOnRecordIsNotAsked() {
        CustomerFacts oneOrder = customerWithAttributes(Map.of("plan", "basic",
                "orders", List.of(Map.of("number", "LC-10231", "status", "shipped"))));

        Decision decision = decider.decide(question("shipping").text("Where is my order?").build(), oneOrder,
                NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void anOrderOnRecordByItsNumberAloneCountsToo() {
        CustomerFacts oneOrder = customerWithAttributes(Map.of("orders", List.of("LC-2025-0912")));

        Decision decision = decider.decide(question("shipping").text("Where is my order?").build(), oneOrder,
                NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void aCustomerWithSeveralOrdersIsAskedWhichOne() {
        CustomerFacts twoOrders = customerWithAttributes(Map.of("orders", List.of(
                Map.of("number", "LC-10231"), Map.of("number", "LC-10232"))));

        Decision decision = decider.decide(question("shipping").text("Where is my order?").build(), twoOrders,
                NOTHING_FOUND);

        assertThat(decision.getMissingDetails()).containsExactly("orderNumber");
    }

    @Test
    void aGeneralShippingQuestionIsNotAnOrderProblem() {
        Decision decision = decider.decide(question("shipping").text("How long does shipping to Belgium take?").build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void theBotAsksOnlyOnceThenAPersonTakesOver() {
        Decision decision = decider.decide(question("shipping").text("Where is my order?").detailsAsked(1).build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getRulesFired()).containsExactly("Nothing found");
    }

    @Test
    void aConfidentAnswerIsGivenWithoutAsking() {
        Decision decision = decider.decide(question("shipping").text("Where is my order?").build(), basicCustomer(),
                answerWithConfidence(0.8));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
        assertThat(decision.getMissingDetails()).isEmpty();
    }

    @Test
    void aCustomerAskingForAPersonIsNotHeldUp() {
        Decision decision = decider.decide(question("human").text("my order is lost, get me a person").build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void troubleshootingWithTheErrorButNoDeviceAsksForTheDevice() {
        Decision decision = decider.decide(question("troubleshooting").text("It is broken again").build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.GATHER_DETAILS);
        assertThat(decision.getMissingDetails()).containsExactly("device");
        assertThat(decision.getRulesFired()).containsExactly("Nothing found", "Troubleshooting needs the device");
    }

    @Test
    void troubleshootingWithNeitherAsksForDeviceAndError() {
        Decision decision = decider.decide(question("troubleshooting").text("Help, something is up").build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getMissingDetails()).containsExactlyInAnyOrder("device", "error");
        assertThat(decision.getRulesFired()).contains("Troubleshooting needs the device", "Troubleshooting needs the error");
    }

    @Test
    void troubleshootingWithTheDeviceButNoErrorAsksForTheError() {
        Decision decision = decider.decide(question("troubleshooting").text("Something is wrong with my grinder").build(),
                basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getMissingDetails()).containsExactly("error");
        assertThat(decision.getRulesFired()).containsExactly("Nothing found", "Troubleshooting needs the error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"The machine shows error E2", "My grinder is jammed", "Water is leaking under my machine"})
    void troubleshootingWithDeviceAndErrorGoesStraightToAPerson(String text) {
        Decision decision = decider.decide(question("troubleshooting").text(text).build(), basicCustomer(), NOTHING_FOUND);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getMissingDetails()).isEmpty();
    }

    @Test
    void aPartialMatchAsksForTheDetailsTroubleshootingNeeds() {
        Decision decision = decider.decide(question("troubleshooting").text("the light blinks").build(), basicCustomer(),
                answerWithConfidence(0.45));

        assertThat(decision.getAction()).isEqualTo(Action.GATHER_DETAILS);
        assertThat(decision.getMissingDetails()).containsExactly("device");
        assertThat(decision.getRulesFired()).containsExactly("Partial match goes to a person",
                "Troubleshooting needs the device");
    }
}
