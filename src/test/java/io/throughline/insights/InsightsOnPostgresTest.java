package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.knowledge.SharedEmbeddings;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The insights SQL on PostgreSQL (a database of its own, migrated by Flyway, no Spring): the row tests of
 * {@link ConversationRowsTest}, and the queries of the content gaps, the live view and the channel switches.
 */
class InsightsOnPostgresTest extends ConversationRowsTest {

    private static InsightsDatabase shared;

    /** One database for the class (creating one takes a while), emptied before each test. */
    @Override
    InsightsDatabase database() {
        if (shared == null) {
            shared = InsightsDatabase.postgres();
        }
        return shared.clear();
    }

    @Test
    void contentGapsLiveViewAndChannelTransfersRunHereToo() {
        data.conversation(T, "webchat").customerWrote(T.plusSeconds(1), "webchat", "Do you ship to Norway?")
                .decided(T.plusSeconds(2), "ESCALATE", "shipping", 0.1, "support").handedOff(T.plusSeconds(2), "support");
        data.conversation(T, "whatsapp").customerWrote(T.plusSeconds(1), "whatsapp", "Can you deliver to Norway?")
                .decided(T.plusSeconds(2), "SWITCH_CHANNEL", "shipping", 0.3, null).journey(T, "general-support")
                .customerWrote(T.plusSeconds(60), "email", "here by email");

        var gaps = new ContentGaps(jdbc, SharedEmbeddings.get(), InsightsSettings.defaults()).between(window().from(),
                window().to(), null, 10);
        var live = new LiveView(jdbc, new NoTasks(), InsightsSettings.defaults(), WorkingHours.aroundTheClock(),
                Clock.fixed(T.plus(Duration.ofHours(1)), ZoneOffset.UTC)).now();
        var switches = new ChannelTransfers(jdbc).of("general-support", window().from(), window().to());

        assertThat(gaps.gaps()).singleElement().satisfies(g -> assertThat(g.volume()).isEqualTo(2));
        assertThat(live.open()).isEqualTo(2);
        assertThat(live.byQueue()).extracting(LiveView.Group::key).containsExactlyInAnyOrder("support", "bot");
        assertThat(switches).isEqualTo(new ChannelTransfers.Outcome(1, 1, 1.0));
    }

    private static final class NoTasks implements OpenTasks {
        @Override
        public long count() {
            return 0;
        }

        @Override
        public Map<String, Long> byQueue(Collection<String> queues) {
            return Map.of();
        }
    }
}
