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

/** Loading and validating a rules directory, and the safe default when no rule decides. */
class RulesLoadingTest {

    @TempDir
    Path dir;

    @Test
    void syntaxErrorNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("broken.drl"), """
                package test;
                rule "broken"
                when String( length > )
                then
                end
                """);

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("broken.drl") + ":3");
    }

    @Test
    void everyBrokenFileIsListed() throws IOException {
        Files.writeString(dir.resolve("first.drl"), "package test;\nrule \"a\"\nwhen String( length > )\nthen\nend\n");
        Files.writeString(dir.resolve("second.drl"), "package test;\n\nrule \"b\"\nwhen\n  Nope( )\nthen\nend\n");

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("first.drl") + ":3")
                .hasMessageContaining(dir.resolve("second.drl") + ":")
                .hasMessageContaining("Nope");
    }

    @Test
    void fileIsNamedAsGivenInTheSettings() throws IOException {
        Path relative = Path.of("target", "rules-loading-test");
        Files.createDirectories(relative);
        Files.writeString(relative.resolve("broken.drl"), "package test;\nrule \"broken\"\nwhen String( length > )\nthen\nend\n");

        assertThatThrownBy(() -> new Decider(new RulesSettings(relative)))
                .hasMessageContaining("target/rules-loading-test/broken.drl:3:");
    }

    @Test
    void missingDirectoryIsAClearError() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> new Decider(new RulesSettings(missing)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found")
                .hasMessageContaining("*.drl");
    }

    @Test
    void directoryWithoutRuleFilesIsAClearError() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not a rule");

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("no *.drl files");
    }

    @Test
    void whenNoRuleDecidesAPersonLooksAndTheRoutingRulesStillApply() throws IOException {
        Files.copy(Path.of("rules", "routing.drl"), dir.resolve("routing.drl"));
        Decider routingOnly = new Decider(new RulesSettings(dir));

        Decision decision = routingOnly.decide(question("billing").build(), basicCustomer(),
                answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getReasons()).startsWith("no rule decided");
        assertThat(decision.getQueue()).isEqualTo("billing");
        assertThat(decision.getRulesFired()).containsExactly("Billing escalations go to billing");
    }

    @Test
    void eachEvaluationStartsFromAFreshSession() {
        Decider decider = new Decider(new RulesSettings(Path.of("rules")));

        Decision escalated = decider.decide(question("human").build(), basicCustomer(), answerWithConfidence(0.9));
        Decision answered = decider.decide(question("shipping").build(), basicCustomer(), answerWithConfidence(0.9));

        assertThat(escalated.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(answered.getAction()).isEqualTo(Action.ANSWER);
        assertThat(answered.getRulesFired()).containsExactly("Confident answer");
    }
}
