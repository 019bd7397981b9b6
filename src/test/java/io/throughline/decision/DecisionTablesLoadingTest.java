package io.throughline.decision;

import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.basicCustomer;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheet decision tables load next to DRL, and a broken one names the file, the row and the cell. */
class DecisionTablesLoadingTest {

    private static final String HEADER = """
            RuleSet,test.tables
            Import,"io.throughline.decision.Action, io.throughline.decision.ConversationFacts, io.throughline.decision.Decision"
            ,
            RuleTable Test
            NAME,CONDITION,CONDITION,CONDITION,ACTION
            ,ConversationFacts,$decision : Decision...,$decision : Decision...,
            ,"forall(||){intent == ""$""}","forall(||){action == Action.$}","queue == ""$param\""","$decision.routeTo(""$param"", drools.getRule().getName()); update($decision);"
            Rule,Intent,When the decision is,And the queue is,Route to
            """;

    @TempDir
    Path dir;

    @Test
    void aCsvTableDecidesNextToDrlRules() throws IOException {
        Files.copy(Path.of("rules", "escalation.drl"), dir.resolve("escalation.drl"));
        Files.writeString(dir.resolve("queues.csv"), HEADER + "wholesale goes to sales,wholesale,ESCALATE,support,sales\n");

        Decision decision = new Decider(new RulesSettings(dir)).decide(question("wholesale").build(), basicCustomer(),
                answerWithConfidence(0.1));

        assertThat(decision.getQueue()).isEqualTo("sales");
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence", "wholesale goes to sales");
    }

    @Test
    void anUnknownValueInACsvCellNamesFileRowAndCell() throws IOException {
        Files.writeString(dir.resolve("queues.csv"), HEADER
                + "wholesale goes to sales,wholesale,ESCALATE,support,sales\n"
                + "a typo,billing,ESCALATED,support,billing\n");

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("queues.csv") + ":10: cell C10 \"ESCALATED\": ")
                .hasMessageContaining("Action.ESCALATED");
    }

    @Test
    void aSyntaxErrorInACsvCellNamesFileRowAndCell() throws IOException {
        Files.writeString(dir.resolve("queues.csv"), HEADER + "broken,billing,ESCALATE),support,billing\n");

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("queues.csv") + ":9: cell C9 \"ESCALATE)\": ")
                .hasMessageNotContaining("Line ");
    }

    @Test
    void aRowWithoutTheDecisionItChangesNamesItsRow() throws IOException {
        Files.writeString(dir.resolve("queues.csv"), HEADER + "no decision named,billing,,,billing\n");

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("queues.csv") + ":9:");
    }

    @Test
    void aBrokenXlsxCellNamesFileRowAndCell() throws IOException {
        List<List<String>> rows = new java.util.ArrayList<>(ChannelRolesWorkbook.ROWS);
        rows.set(10, List.of("account questions are answered on authenticated email", "-10", "account",
                "webchat", "email", "", "ANSWER, ESCALATES", "email"));
        Files.write(dir.resolve("roles.xlsx"), ChannelRolesWorkbook.build(rows));

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("roles.xlsx") + ":11: cell G11 \"ANSWER, ESCALATES\": ")
                .satisfies(e -> assertThat(((InvalidRulesException) e).getProblems()).hasSize(1));
    }

    @Test
    void aFileThatIsNoSpreadsheetNamesTheFile() throws IOException {
        Files.write(dir.resolve("damaged.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("damaged.xlsx") + ":1: not a readable decision table");
    }

    @Test
    void aCsvWithoutARuleTableNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("notes.csv"), "question,answer\nhow?,like this\n");

        assertThatThrownBy(() -> new Decider(new RulesSettings(dir)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(dir.resolve("notes.csv") + ":1:");
    }

    @Test
    void spreadsheetLockFilesAreNotRules() throws IOException {
        Files.copy(Path.of("rules", "escalation.drl"), dir.resolve("escalation.drl"));
        Files.writeString(dir.resolve("~$channel-roles.xlsx"), "lock");
        Files.writeString(dir.resolve(".~lock.queues.csv#"), "lock");

        assertThat(RulesCheck.problems(dir)).isEmpty();
        assertThat(RulesCheck.files(dir)).containsExactly(dir.resolve("escalation.drl"));
    }

    @Test
    void theGeneratedDrlOfATableShowsWhatEachRowBecame() {
        String drl = RulesCheck.generatedDrl(Path.of("rules", "channel-roles.xlsx"));

        assertThat(drl).contains("// rule values at A10", "rule \"billing questions are answered on authenticated email\"",
                "$decision.switchChannel(\"email\", drools.getRule().getName())");
    }

    @Test
    void aRuleThatKeepsRetriggeringItselfFailsInsteadOfHanging() throws IOException {
        Files.writeString(dir.resolve("loop.drl"), """
                package test;
                import io.throughline.decision.Decision;
                rule "raises without a guard"
                when
                    $decision : Decision( )
                then
                    $decision.raisePriority(60, "again");
                    update($decision);
                end
                """);
        Decider decider = new Decider(new RulesSettings(dir));

        assertThatThrownBy(() -> decider.decide(question("x").build(), basicCustomer(), answerWithConfidence(0.9)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without settling").hasMessageContaining("raises without a guard");
    }

    @Test
    void theShippedWorkbookIsWhatItsGeneratorWrites() throws IOException {
        assertThat(ChannelRolesWorkbook.build())
                .as("rules/channel-roles.xlsx differs from ChannelRolesWorkbook: regenerate it (see its Javadoc)")
                .isEqualTo(Files.readAllBytes(ChannelRolesWorkbook.FILE));
    }
}
