package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.knowledge.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ChannelTransfersTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private final JdbcClient jdbc = TestDatabases.freshH2();
    private final InsightsData data = new InsightsData(jdbc);

    @Test
    void aSwitchCarriedOnWhenTheCustomerWroteAgainOnAnotherChannel() {
        data.conversation(T, "webchat").journey(T, "troubleshooting")
                .decided(T.plusSeconds(5), "SWITCH_CHANNEL", "billing", 0.9, null)
                .customerWrote(T.plusSeconds(600), "email", "here is my invoice number");
        data.conversation(T, "webchat").journey(T, "troubleshooting")
                .decided(T.plusSeconds(5), "SWITCH_CHANNEL", "billing", 0.9, null)
                .customerWrote(T.plusSeconds(600), "webchat", "I'd rather stay here");
        data.conversation(T, "webchat").journey(T, "general-support")
                .decided(T.plusSeconds(5), "SWITCH_CHANNEL", "billing", 0.9, null);

        var outcome = new ChannelTransfers(jdbc).of("troubleshooting", InsightsData.utc(T.minus(Duration.ofDays(1))),
                InsightsData.utc(T.plus(Duration.ofDays(1))));

        assertThat(outcome).isEqualTo(new ChannelTransfers.Outcome(2, 1, 0.5));
    }
}
