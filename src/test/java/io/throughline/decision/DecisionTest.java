package io.throughline.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void startsUndecidedInTheSupportQueueAtNormalPriority() {
        Decision decision = new Decision();

        assertThat(decision.isDecided()).isFalse();
        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getPriority()).isEqualTo(50);
        assertThat(decision.getReasons()).isEmpty();
    }

    @Test
    void priorityIsNeverLowered() {
        Decision decision = new Decision();

        decision.raisePriority(80, "VIP plan");
        decision.raisePriority(60, "waited long");

        assertThat(decision.getPriority()).isEqualTo(80);
        assertThat(decision.getReasons()).containsExactly("VIP plan", "waited long");
    }

    @Test
    void switchChannelAndFollowUpAreActionsToo() {
        Decision switched = new Decision();
        switched.switchChannel("email", "billing needs an authenticated channel");
        Decision followed = new Decision();
        followed.followUp("customer went quiet");

        assertThat(switched.getAction()).isEqualTo(Action.SWITCH_CHANNEL);
        assertThat(followed.getAction()).isEqualTo(Action.FOLLOW_UP);
        assertThat(followed.getReasons()).containsExactly("customer went quiet");
    }

    @Test
    void answerConfidenceOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new AnswerFacts(true, 1.2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerFacts(true, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnswerIsBlockedOnlyWhenAGuardrailGaveAReason() {
        AnswerFacts blocked = new AnswerFacts(false, 0.8, 1, "the answer cites none of the passages it was given");

        assertThat(new AnswerFacts(true, 0.8, 1).isBlocked()).isFalse();
        assertThat(new AnswerFacts(true, 0.8, 1).getBlockedBecause()).isNull();
        assertThat(blocked.isBlocked()).isTrue();
        assertThat(blocked.getBlockedBecause()).isEqualTo("the answer cites none of the passages it was given");
        assertThat(blocked).hasToString("AnswerFacts[found=false, confidence=0.8, citations=1, "
                + "blockedBecause=the answer cites none of the passages it was given]");
    }
}
