package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row per conversation, read from the timeline and the decisions of a Flyway-migrated database: H2 here, PostgreSQL
 * in {@link InsightsOnPostgresTest}.
 */
class ConversationRowsTest {

    static final Instant T = Instant.parse("2026-03-02T10:00:00Z"); // a Monday

    final InsightsDatabase db = database();
    final JdbcClient jdbc = db.jdbc;
    final InsightsData data = new InsightsData(jdbc);
    final ConversationRows rows = db.rows(InsightsSettings.defaults().withReportMaxAge(Duration.ZERO)); // read afresh

    InsightsDatabase database() {
        return new InsightsDatabase();
    }

    @Test
    void aRowCarriesChannelsJourneysIntentQueuesTimesAndTheRating() {
        var c = data.conversation(T, "webchat")
                .journey(T, "general-support")
                .decided(T.plusSeconds(1), "ESCALATE", "billing", 0.2, "billing")
                .decided(T.plusSeconds(50), "ANSWER", "shipping", 0.9, null)
                .botReplied(T.plusSeconds(2))
                .handedOff(T.plusSeconds(3), "billing")
                .customerWrote(T.plusSeconds(60), "whatsapp", "here on WhatsApp now")
                .journey(T.plusSeconds(61), "troubleshooting")
                .agentReplied(T.plusSeconds(600))
                .customerWrote(T.plusSeconds(700), "webchat", "back on the site")
                .rated(T.plusSeconds(900), 2, "slow")
                .rated(T.plusSeconds(901), 4, "better after all")
                .resolved(T.plusSeconds(1000), "agent");

        ConversationRow row = only(rows.find(window()));

        assertThat(row.id()).isEqualTo(c.id);
        assertThat(row.channel()).isEqualTo("webchat");
        assertThat(row.channels()).containsExactly("webchat", "whatsapp");
        assertThat(row.journeys()).containsExactly("general-support", "troubleshooting");
        assertThat(row.journey()).isEqualTo("troubleshooting");
        assertThat(row.intent()).as("the first decision's intent").isEqualTo("billing");
        assertThat(row.queues()).containsExactly("billing");
        assertThat(row.customerMessages()).isEqualTo(3);
        assertThat(row.firstResponse()).isEqualTo(Duration.ofSeconds(2));
        assertThat(row.handoffs()).isEqualTo(1);
        assertThat(row.agentReplyAt().toInstant()).isEqualTo(T.plusSeconds(600));
        assertThat(row.timeToResolution()).isEqualTo(Duration.ofSeconds(1000));
        assertThat(row.csatScore()).as("the last rating counts").isEqualTo(4);
        assertThat(row.csatComment()).isEqualTo("better after all");
        assertThat(row.personInvolved()).isTrue();
        assertThat(row.reopened()).isFalse();
    }

    @Test
    void theCustomerComingBackWithinTheReopenWindowReopensAResolution() {
        UUID customer = data.customer();
        var back = data.conversation(customer, T, "webchat", "hi").resolved(T.plusSeconds(60), "answered");
        data.conversation(customer, T.plusSeconds(60).plus(Duration.ofHours(71)), "email", "me again");
        var away = data.conversation(data.customer(), T, "webchat", "hi").resolved(T.plusSeconds(60), "answered");
        var marked = data.conversation(T, "webchat").resolved(T.plusSeconds(60), "answered")
                .event(T.plusSeconds(3600), "REOPENED", null, null);
        UUID later = data.customer();
        var late = data.conversation(later, T, "webchat", "hi").resolved(T.plusSeconds(60), "answered");
        data.conversation(later, T.plusSeconds(60).plus(Duration.ofHours(73)), "webchat", "weeks later");

        var found = rows.find(window());

        assertThat(row(found, back.id).reopened()).isTrue();
        assertThat(row(found, marked.id).reopened()).as("REOPENED on the timeline").isTrue();
        assertThat(row(found, away.id).reopened()).isFalse();
        assertThat(row(found, late.id).reopened()).as("73 h is past the 72 h window").isFalse();
    }

    @Test
    void aRepeatContactIsTheSameCustomerOnTheSameIntentWithinTheRepeatWindow() {
        UUID customer = data.customer();
        var first = data.conversation(customer, T, "webchat", "where is my order?")
                .decided(T, "ANSWER", "order-status", 0.9, null).resolved(T.plusSeconds(60), "answered");
        var repeat = data.conversation(customer, T.plus(Duration.ofDays(3)), "email", "still no order")
                .decided(T.plus(Duration.ofDays(3)), "ANSWER", "order-status", 0.9, null);
        var other = data.conversation(customer, T.plus(Duration.ofDays(4)), "webchat", "can I change my plan?")
                .decided(T.plus(Duration.ofDays(4)), "ANSWER", "billing", 0.9, null);
        var stale = data.conversation(customer, T.plus(Duration.ofDays(11)), "webchat", "order again")
                .decided(T.plus(Duration.ofDays(11)), "ANSWER", "order-status", 0.9, null);

        var found = rows.find(window());

        assertThat(row(found, first.id).repeatContact()).isFalse();
        assertThat(row(found, first.id).repeatedLater()).isTrue();
        assertThat(row(found, repeat.id).repeatContact()).isTrue();
        assertThat(row(found, other.id).repeatContact()).as("another intent").isFalse();
        assertThat(row(found, stale.id).repeatContact()).as("8 days after the last one on that intent").isFalse();
    }

    @Test
    void filtersNarrowByJourneyEnteredStartingChannelFirstIntentAndQueueHandedTo() {
        data.conversation(T, "webchat").journey(T, "pre-sales").decided(T, "ESCALATE", "pricing", 0.3, "sales")
                .handedOff(T, "sales");
        data.conversation(T, "whatsapp").journey(T, "general-support").decided(T, "ANSWER", "shipping", 0.9, null);
        data.conversation(T.minus(Duration.ofDays(40)), "webchat"); // before the range
        var merged = data.conversation(T, "webchat");
        jdbc.sql("update conversations set merged_into = ? where id = ?").params(UUID.randomUUID(), merged.id).update();

        assertThat(rows.find(window())).hasSize(2);
        assertThat(rows.find(window().journey("pre-sales"))).singleElement()
                .satisfies(r -> assertThat(r.queues()).containsExactly("sales"));
        assertThat(rows.find(window().channel("whatsapp"))).singleElement()
                .satisfies(r -> assertThat(r.intent()).isEqualTo("shipping"));
        assertThat(rows.find(window().intent("pricing"))).hasSize(1);
        assertThat(rows.find(window().queue("sales"))).hasSize(1);
        assertThat(rows.find(window().queue("billing"))).isEmpty();
    }

    @Test
    void aRatingThatIsNoRatingIsLeftOut() {
        data.conversation(T, "webchat").event(T, "CSAT", null, "{\"score\":9}").event(T, "CSAT", null, "great!");
        assertThat(only(rows.find(window())).csatScore()).isNull();
        data.conversation(T, "webchat").event(T, "CSAT", null, "5");
        assertThat(rows.find(window())).anySatisfy(r -> assertThat(r.csatScore()).isEqualTo(5));
    }

    static Filter window() {
        return Filter.between(InsightsData.utc(T.minus(Duration.ofDays(1))), InsightsData.utc(T.plus(Duration.ofDays(20))));
    }

    private static ConversationRow only(List<ConversationRow> found) {
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static ConversationRow row(List<ConversationRow> found, UUID id) {
        return found.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
