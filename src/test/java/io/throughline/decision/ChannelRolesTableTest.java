package io.throughline.decision;

import static io.throughline.decision.Facts.MONDAY_OPENING;
import static io.throughline.decision.Facts.answerOfLength;
import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.basicCustomer;
import static io.throughline.decision.Facts.closed;
import static io.throughline.decision.Facts.customerWith;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every row of the shipped decision table rules/channel-roles.xlsx: which channel a conversation goes on with. */
class ChannelRolesTableTest {

    private static final Decider decider = new Decider(new RulesSettings(Path.of("rules")));
    private static final String BILLING_ROW = "billing questions are answered on authenticated email";
    private static final String ACCOUNT_ROW = "account questions are answered on authenticated email";
    private static final String LONG_SMS_ROW = "an answer this long is easier to read by email than by SMS";

    @ParameterizedTest
    @ValueSource(strings = {"webchat", "sms", "whatsapp", "telegram", "messenger", "instagram"})
    void row10BillingOnAnUnauthenticatedChannelMovesToEmailWhenTheCustomerHasOne(String channel) {
        Decision decision = decider.decide(question("billing").channel(channel).build(), customerWith("visitor", "email"),
                answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.SWITCH_CHANNEL);
        assertThat(decision.getSwitchTo()).isEqualTo("email");
        assertThat(decision.getAfterSwitch()).isEqualTo(Action.ANSWER);
        assertThat(decision.getRulesFired()).containsExactly("Confident answer", BILLING_ROW);
        assertThat(decision.getReasons()).endsWith(BILLING_ROW);
    }

    @Test
    void row10ABillingEscalationMovesToEmailAndIsHandedOverThereInTheBillingQueue() {
        Decision decision = decider.decide(question("billing").build(), customerWith("email"), AnswerFacts.none());

        assertThat(decision.getAction()).isEqualTo(Action.SWITCH_CHANNEL);
        assertThat(decision.getAfterSwitch()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getQueue()).isEqualTo("billing");
        assertThat(decision.getRulesFired()).containsExactly("Nothing found", "Billing escalations go to billing",
                BILLING_ROW);
    }

    @Test
    void row10OutsideHoursTheFollowUpHappensByEmail() {
        Decision decision = decider.decide(question("billing").build(), customerWith("email"), AnswerFacts.none(),
                closed());

        assertThat(decision.getAction()).isEqualTo(Action.SWITCH_CHANNEL);
        assertThat(decision.getAfterSwitch()).isEqualTo(Action.FOLLOW_UP);
        assertThat(decision.getFollowUpAt()).isEqualTo(MONDAY_OPENING);
        assertThat(decision.getDueDate()).isEqualTo(MONDAY_OPENING);
    }

    @Test
    void row10BillingStaysWhereItIsWithoutAnEmailAddress() {
        Decision decision = decider.decide(question("billing").build(), customerWith("visitor", "phone"),
                answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
        assertThat(decision.getSwitchTo()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "slack"})
    void row10BillingOnAChannelNotListedStays(String channel) {
        Decision decision = decider.decide(question("billing").channel(channel).build(), customerWith("email"),
                answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
    }

    /** Questions for details are asked where the customer is: no channel role moves them (a partial match on billing
     * goes to a person now, so the order number of a return is the question for details here). */
    @Test
    void row10DetailsAreAskedForWhereTheCustomerIs() {
        Decision decision = decider.decide(question("returns").text("I want to return my order").build(),
                customerWith("email"), answerWithConfidence(0.45));

        assertThat(decision.getAction()).isEqualTo(Action.GATHER_DETAILS);
        assertThat(decision.getSwitchTo()).isNull();
    }

    @Test
    void row11AccountQuestionsMoveToEmailToo() {
        Decision decision = decider.decide(question("account").channel("whatsapp").build(), customerWith("phone", "email"),
                answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.SWITCH_CHANNEL);
        assertThat(decision.getSwitchTo()).isEqualTo("email");
        assertThat(decision.getRulesFired()).containsExactly("Confident answer", ACCOUNT_ROW);
    }

    @Test
    void row12ALongAnswerOnSmsGoesByEmail() {
        Decision decision = decider.decide(question("shipping").channel("sms").build(), customerWith("phone", "email"),
                answerOfLength(0.9, 481));

        assertThat(decision.getAction()).isEqualTo(Action.SWITCH_CHANNEL);
        assertThat(decision.getSwitchTo()).isEqualTo("email");
        assertThat(decision.getAfterSwitch()).isEqualTo(Action.ANSWER);
        assertThat(decision.getRulesFired()).containsExactly("Confident answer", LONG_SMS_ROW);
    }

    @Test
    void row12AnAnswerThatFitsStaysOnSms() {
        Decision decision = decider.decide(question("shipping").channel("sms").build(), customerWith("phone", "email"),
                answerOfLength(0.9, 480));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
    }

    @Test
    void row12ALongAnswerElsewhereOrWithoutEmailStays() {
        Decision onWebChat = decider.decide(question("shipping").channel("webchat").build(), customerWith("email"),
                answerOfLength(0.9, 2000));
        Decision noEmail = decider.decide(question("shipping").channel("sms").build(), customerWith("phone"),
                answerOfLength(0.9, 2000));

        assertThat(onWebChat.getAction()).isEqualTo(Action.ANSWER);
        assertThat(noEmail.getAction()).isEqualTo(Action.ANSWER);
    }

    @Test
    void row12OnlyAnswersMove() {
        Decision decision = decider.decide(question("shipping").channel("sms").build(), customerWith("phone", "email"),
                new AnswerFacts(true, 0.2, 1, null, 2000));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void aCustomerWithoutIdentitiesIsNeverMoved() {
        Decision decision = decider.decide(question("billing").build(), basicCustomer(), answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
    }
}
