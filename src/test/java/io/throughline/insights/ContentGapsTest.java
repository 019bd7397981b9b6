package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.knowledge.SharedEmbeddings;
import io.throughline.knowledge.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Unanswered questions grouped by meaning with the real in-process embeddings, the largest group first. */
class ContentGapsTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private final JdbcClient jdbc = TestDatabases.freshH2();
    private final InsightsData data = new InsightsData(jdbc);
    private final ContentGaps gaps = new ContentGaps(jdbc, SharedEmbeddings.get(), InsightsSettings.defaults());

    @Test
    void questionsTheBotCouldNotAnswerAreGroupedByMeaningAndRankedByVolume() {
        unanswered("Do you ship to Norway?", "shipping", "ESCALATE", 0.1);
        unanswered("do you  ship to norway?", "shipping", "ESCALATE", 0.2);
        unanswered("Can you deliver to Norway?", "shipping", "GATHER_DETAILS", 0.45);
        unanswered("Is shipping to Norway possible?", null, "ESCALATE", 0.0);
        unanswered("Do you sell gift cards?", "products", "ESCALATE", 0.3);
        unanswered("Can I buy a gift card?", "products", "ESCALATE", 0.3);
        unanswered("I want to talk to a person", "human", "ESCALATE", 0.1);      // asking for a person: no gap
        unanswered("How long does shipping take?", "shipping", "ANSWER", 0.9);    // answered well
        var old = data.conversation(T.minus(Duration.ofDays(90)), "webchat"); // before the range
        old.decided(T.minus(Duration.ofDays(90)), "ESCALATE", "shipping", 0.1, "support");

        ContentGaps.Report report = gaps.between(InsightsData.utc(T.minus(Duration.ofDays(1))),
                InsightsData.utc(T.plus(Duration.ofDays(1))), null, 10);

        assertThat(report.unanswered()).isEqualTo(6);
        assertThat(report.distinctQuestions()).as("case and spacing aside").isEqualTo(5);
        assertThat(report.ungrouped()).isZero();
        assertThat(report.gaps()).extracting(ContentGaps.Gap::volume).containsExactly(4L, 2L);
        ContentGaps.Gap norway = report.gaps().get(0);
        assertThat(norway.label()).isEqualTo("Do you ship to Norway?");
        assertThat(norway.examples()).extracting(ContentGaps.Example::text).contains("Do you ship to Norway?",
                "Can you deliver to Norway?", "Is shipping to Norway possible?");
        assertThat(norway.examples().get(0).count()).isEqualTo(2);
        assertThat(norway.escalated()).isEqualTo(3);
        assertThat(norway.intents()).extracting(ContentGaps.IntentCount::intent).containsExactly("shipping", null);
        assertThat(report.gaps().get(1).examples()).extracting(ContentGaps.Example::text)
                .containsExactlyInAnyOrder("Do you sell gift cards?", "Can I buy a gift card?");

        assertThat(gaps.between(InsightsData.utc(T.minus(Duration.ofDays(1))), InsightsData.utc(T.plus(Duration.ofDays(1))),
                "products", 10).gaps()).singleElement().satisfies(g -> assertThat(g.volume()).isEqualTo(2));
    }

    @Test
    void onlyTheMostFrequentDistinctQuestionsAreGroupedAndTheRestCounted() {
        var settings = new InsightsSettings(Duration.ofHours(72), Duration.ofDays(7), "pre-sales", 0.55, List.of("human"),
                0.8, 1, 0.8, null, Duration.ofSeconds(30), Duration.ZERO);
        unanswered("Do you ship to Norway?", "shipping", "ESCALATE", 0.1);
        unanswered("Do you ship to Norway?", "shipping", "ESCALATE", 0.1);
        unanswered("Do you sell gift cards?", "products", "ESCALATE", 0.3);

        var report = new ContentGaps(jdbc, SharedEmbeddings.get(), settings).between(
                InsightsData.utc(T.minus(Duration.ofDays(1))), InsightsData.utc(T.plus(Duration.ofDays(1))), null, 10);

        assertThat(report.gaps()).singleElement().satisfies(g -> assertThat(g.volume()).isEqualTo(2));
        assertThat(report.ungrouped()).isEqualTo(1);
    }

    private void unanswered(String question, String intent, String action, double confidence) {
        var c = data.conversation(T, "webchat").customerWrote(T.plusSeconds(1), "webchat", question);
        c.decided(T.plusSeconds(2), action, intent, confidence, action.equals("ESCALATE") ? "support" : null);
    }
}
