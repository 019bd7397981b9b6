package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The read model follows the timeline: what was added since the last fold, and late commits of lower ids. */
class ConversationSummariesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final InsightsDatabase db = new InsightsDatabase();
    private final InsightsData data = new InsightsData(db.jdbc);
    private final ConversationSummaries summaries = new ConversationSummaries(db.dataSource, Duration.ofSeconds(30),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFoldTakesInNewEventsAndDecisionsAndAnotherNodeSeesWhereItStopped() {
        var c = data.conversation(NOW.minusSeconds(600), "webchat");
        summaries.catchUp();
        assertThat(handoffs(c)).isZero();

        c.handedOff(NOW.minusSeconds(300), "billing").decided(NOW.minusSeconds(300), "ESCALATE", "billing", 0.2, "billing");
        summaries.catchUp();
        assertThat(handoffs(c)).isEqualTo(1);
        assertThat(db.jdbc.sql("select intent from insights_conversations where conversation_id = ?").param(c.id)
                .query(String.class).single()).isEqualTo("billing");

        c.handedOff(NOW.minusSeconds(200), "vip");
        var otherNode = new ConversationSummaries(db.dataSource, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
        otherNode.catchUp();
        assertThat(handoffs(c)).isEqualTo(2);
        assertThat(db.jdbc.sql("select queues from insights_conversations where conversation_id = ?").param(c.id)
                .query(String.class).single()).isEqualTo("billing\nvip");
    }

    @Test
    void anEventCommittedLateWithALowerIdIsTakenInByTheBackgroundPass() {
        var c = data.conversation(NOW.minusSeconds(600), "webchat");
        data.conversation(NOW.minusSeconds(500), "webchat"); // a higher id, already read
        summaries.catchUp();
        long low = db.jdbc.sql("select min(id) from conversation_events").query(Long.class).single();
        db.jdbc.sql("insert into conversation_events (id, conversation_id, event_type, channel, detail, occurred_at) "
                + "values (?, ?, 'HANDOFF', null, 'support: a person', ?)").params(low - 1, c.id,
                InsightsData.utc(NOW.minusSeconds(60))).update();

        summaries.catchUp();
        assertThat(handoffs(c)).as("below the watermark").isZero();
        summaries.catchUpWithLateCommits();
        assertThat(handoffs(c)).isEqualTo(1);
    }

    private int handoffs(InsightsData.Conversation c) {
        return db.jdbc.sql("select handoffs from insights_conversations where conversation_id = ?").param(c.id)
                .query(Integer.class).single();
    }
}
