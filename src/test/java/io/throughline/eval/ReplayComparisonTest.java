package io.throughline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.eval.Difference.Kind;
import io.throughline.eval.RecordedConversation.CustomerMessage;
import io.throughline.eval.RecordedConversation.RecordedDecision;
import io.throughline.eval.RecordedConversation.Reply;
import io.throughline.eval.RecordedConversation.Turn;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayComparisonTest {

    @Test
    void sameOutcomesWithOtherReasonsAndWhitespaceAreNoDifference() {
        var recorded = conversation(decision("ANSWER", "support", 50, "Confident answer"), "general-support",
                reply("bot", "Standard shipping takes\n3-5 business days."));
        var replayed = conversation(decision("ANSWER", "support", 50, "Confident answer, renamed"), "general-support",
                reply("bot", "Standard shipping takes 3-5  business days. "));

        assertThat(ReplayComparison.compare(recorded, replayed, EnumSet.allOf(Kind.class))).isEmpty();
    }

    @Test
    void aDifferentQueueJourneyAndReplyAreEachNamed() {
        var recorded = conversation(decision("ESCALATE", "support", 50, "Customer asks for a person"), "general-support",
                reply("bot", "Let me bring in a person."));
        var replayed = conversation(decision("ESCALATE", "sales", 50, "Customer asks for a person"), "pre-sales",
                reply("bot", "Let me bring in a sales person."));

        assertThat(ReplayComparison.compare(recorded, replayed, EnumSet.allOf(Kind.class))).containsExactly(
                new Difference(Kind.DECISION, 1, "decision ESCALATE support/50 [Customer asks for a person] -> "
                        + "ESCALATE sales/50 [Customer asks for a person]"),
                new Difference(Kind.JOURNEY, 1, "journey general-support -> pre-sales"),
                new Difference(Kind.REPLY, 1, "reply 1 (bot@webchat) Let me bring in a {+sales+} person."));
        assertThat(ReplayComparison.compare(recorded, replayed, EnumSet.of(Kind.JOURNEY))).hasSize(1);
    }

    @Test
    void aMissingReplyAndAFailedStepAreDifferences() {
        var recorded = conversation(decision("ANSWER", "support", 50, "Confident answer"), "general-support",
                reply("bot", "Descale every 2 months."));
        var replayed = new RecordedConversation("c", null, List.of(new Turn(recorded.turns().get(0).message(),
                recorded.turns().get(0).decisions(), List.of("general-support"), List.of(), null,
                List.of("Task_SendReply: boom"))));

        assertThat(ReplayComparison.compare(recorded, replayed, EnumSet.allOf(Kind.class))).extracting(Difference::text)
                .containsExactly("journey failed: Task_SendReply: boom",
                        "reply 1 bot@webchat \"Descale every 2 months.\" -> none");
    }

    @Test
    void aShortDiffShowsTheChangedWordsInContext() {
        assertThat(TextDiff.change("the cat sat", "the dog sat")).isEqualTo("the [-cat-]{+dog+} sat");
        assertThat(TextDiff.change("hello", "hello world")).isEqualTo("hello {+world+}");
        assertThat(TextDiff.change("Orders placed before 13:00 CET ship the same business day, and express orders the next",
                "Orders placed before 14:00 CET ship the same business day, and express orders the next"))
                .isEqualTo("Orders placed before [-13:00-]{+14:00+} CET ship the same business …");
    }

    private static RecordedConversation conversation(RecordedDecision decision, String journey, Reply reply) {
        return new RecordedConversation("c", null, List.of(new Turn(new CustomerMessage("webchat", "Hi", null),
                List.of(decision), List.of(journey), List.of(reply), null, null)));
    }

    private static RecordedDecision decision(String action, String queue, int priority, String rule) {
        return new RecordedDecision(action, queue, priority, List.of("because"), List.of(rule));
    }

    private static Reply reply(String author, String text) {
        return new Reply(author, "webchat", text);
    }

    @Test
    void offeredSlotsDependOnTheDayOfTheReplayAndCompareAsEqualButOtherTimesDoNot() {
        assertThat(TextDiff.comparable("Free times:\n1. Thu 26 Nov, 10:00\n2. Fri 27 Nov, 14:30"))
                .isEqualTo(TextDiff.comparable("Free times: 1. Tue 1 Dec, 11:00 2. Wed 2 Dec, 10:00"));
        assertThat(TextDiff.comparable("Public tours run every Saturday at 10:00"))
                .isNotEqualTo(TextDiff.comparable("Public tours run every Saturday at 11:00"));
    }
}
