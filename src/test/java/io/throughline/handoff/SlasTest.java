package io.throughline.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.throughline.conversation.ConversationEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlasTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final ConversationEvents events = mock(ConversationEvents.class);
    private final Slas slas = new Slas(new SlaSettings(Duration.ofHours(8), Map.of("vip", Duration.ofHours(1),
            "billing", Duration.ofHours(4)), Map.of(80, Duration.ofHours(2)), "supervisors", 20), events);

    @Test
    void theShortestSlaThatAppliesWins() {
        assertThat(slas.slaFor("support", 50)).isEqualTo(Duration.ofHours(8));
        assertThat(slas.slaFor("vip", 80)).isEqualTo(Duration.ofHours(1));
        assertThat(slas.slaFor("billing", 50)).isEqualTo(Duration.ofHours(4));
        assertThat(slas.slaFor("billing", 90)).isEqualTo(Duration.ofHours(2));
        assertThat(slas.slaFor(null, 79)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void theDueDateIsNowPlusTheSlaUnlessTheRulesSetOne() {
        assertThat(slas.dueDate("vip", 80, null, NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(slas.dueDate("support", 50, "2026-03-03T09:00:00+01:00", NOW))
                .isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(slas.dueDate("support", 50, "next Tuesday", NOW)).as("not ISO-8601: the SLA applies")
                .isEqualTo(NOW.plus(Duration.ofHours(8)));
    }

    @Test
    void aBreachIsRecordedRaisesThePriorityUpToAHundredAndTellsTheSupervisors() {
        UUID conversation = UUID.randomUUID();

        var breach = slas.breached(conversation, "billing", 50, "2026-03-02T13:00:00Z");

        assertThat(breach).isEqualTo(new Slas.Breach(70, "supervisors"));
        assertThat(slas.breached(conversation, "vip", 95, "2026-03-02T10:00:00Z").priority()).isEqualTo(100);
        verify(events).record(eq(conversation), eq(ConversationEvents.Type.SLA_BREACHED), isNull(),
                contains("\"queue\":\"billing\",\"priority\":50,\"raisedTo\":70"));
    }
}
