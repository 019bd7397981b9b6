package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.knowledge.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The supervisor's live view over open conversations. */
class LiveViewTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final JdbcClient jdbc = TestDatabases.freshH2();
    private final InsightsData data = new InsightsData(jdbc);
    private final InsightsSettings settings = InsightsSettings.defaults().withSla(Map.of(
            "billing", new InsightsSettings.Sla(Duration.ofMinutes(60), null, false)));
    private final LiveView live = new LiveView(jdbc, new Tasks(), settings, WorkingHours.aroundTheClock(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void openConversationsByQueueAndChannelWithWhoWaitsAndWhichHandoffsAreAtRisk() {
        // the bot answered: the customer's turn
        data.conversation(NOW.minusSeconds(600), "webchat").botReplied(NOW.minusSeconds(598));
        // the customer wrote again 5 minutes ago, on WhatsApp
        data.conversation(NOW.minusSeconds(900), "webchat").botReplied(NOW.minusSeconds(899))
                .customerWrote(NOW.minusSeconds(300), "whatsapp", "and another thing");
        // handed to billing 50 minutes ago, the bot's notice sent, no person yet: 83% of the hour
        var atRisk = data.conversation(NOW.minusSeconds(3000), "email").handedOff(NOW.minusSeconds(3000), "billing")
                .botReplied(NOW.minusSeconds(2999));
        // handed to billing 2 hours ago: breached
        data.conversation(NOW.minusSeconds(7200), "webchat").handedOff(NOW.minusSeconds(7200), "billing")
                .botReplied(NOW.minusSeconds(7199));
        // a person answered
        data.conversation(NOW.minusSeconds(7200), "webchat").handedOff(NOW.minusSeconds(7200), "billing")
                .agentReplied(NOW.minusSeconds(60));
        // resolved: not live
        data.conversation(NOW.minusSeconds(7200), "webchat").resolved(NOW.minusSeconds(7000), "answered");

        LiveView.Snapshot snapshot = live.now();

        assertThat(snapshot.open()).isEqualTo(5);
        assertThat(snapshot.waiting()).isEqualTo(3);
        assertThat(snapshot.atRisk()).isEqualTo(1);
        assertThat(snapshot.breached()).isEqualTo(1);
        assertThat(snapshot.byQueue()).extracting(LiveView.Group::key, LiveView.Group::open, LiveView.Group::waiting)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("billing", 3L, 2L),
                        org.assertj.core.groups.Tuple.tuple("bot", 2L, 1L));
        assertThat(snapshot.byChannel()).extracting(LiveView.Group::key).containsExactly("webchat", "email", "whatsapp");
        assertThat(snapshot.byQueueAndChannel()).contains(new LiveView.Cell("bot", "whatsapp", 1));
        assertThat(snapshot.longestWaiting()).extracting(LiveView.Open::waitingSeconds)
                .containsExactly(7200.0, 3000.0, 300.0);
        LiveView.Open risky = snapshot.longestWaiting().get(1);
        assertThat(risky.conversationId()).isEqualTo(atRisk.id);
        assertThat(risky.sla()).isEqualTo("at-risk");
        assertThat(risky.targetUsed()).isEqualTo(50 / 60.0);
        assertThat(snapshot.tasksWaiting()).isEqualTo(7);
        assertThat(snapshot.tasksByQueue()).containsOnlyKeys("billing");
    }

    private static final class Tasks implements OpenTasks {
        @Override
        public long count() {
            return 7;
        }

        @Override
        public Map<String, Long> byQueue(Collection<String> queues) {
            Map<String, Long> counts = new LinkedHashMap<>();
            queues.forEach(q -> counts.put(q, 1L));
            return counts;
        }
    }
}
