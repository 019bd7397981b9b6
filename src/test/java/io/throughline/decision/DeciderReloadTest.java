package io.throughline.decision;

import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.basicCustomer;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running Decider takes changed rules only when they compile; otherwise the rules in force stay. */
class DeciderReloadTest {

    @TempDir
    Path dir;

    @Test
    void reloadPutsChangedRulesInForce() throws IOException {
        Path escalation = Files.copy(Path.of("rules", "escalation.drl"), dir.resolve("escalation.drl"));
        Decider decider = new Decider(new RulesSettings(dir));
        assertThat(decider.decide(question("shipping").build(), basicCustomer(), answerWithConfidence(0.5)).getAction())
                .isEqualTo(Action.ESCALATE);

        Files.writeString(escalation, Files.readString(escalation).replace("0.55", "0.45"));
        long rules = decider.reload();

        assertThat(rules).isEqualTo(7);
        assertThat(decider.decide(question("shipping").build(), basicCustomer(), answerWithConfidence(0.5)).getAction())
                .isEqualTo(Action.ANSWER);
    }

    @Test
    void aBrokenChangeIsRefusedWithFileAndLineAndTheRunningRulesStay() throws IOException {
        Path escalation = Files.copy(Path.of("rules", "escalation.drl"), dir.resolve("escalation.drl"));
        Decider decider = new Decider(new RulesSettings(dir));

        Files.writeString(escalation, Files.readString(escalation).replace("confidence >= 0.55 )", "confidence >= )"));

        assertThatThrownBy(decider::reload).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(escalation + ":");
        assertThat(decider.decide(question("shipping").build(), basicCustomer(), answerWithConfidence(0.9)).getAction())
                .isEqualTo(Action.ANSWER);
    }
}
