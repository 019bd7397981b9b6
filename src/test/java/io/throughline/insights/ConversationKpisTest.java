package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The KPI report end to end on H2: totals, breakdowns, days, filter options and self-service. */
class ConversationKpisTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private final InsightsDatabase db = new InsightsDatabase();
    private final JdbcClient jdbc = db.jdbc;
    private final InsightsData data = new InsightsData(jdbc);
    private final ConversationKpis kpis = new ConversationKpis(db.rows(InsightsSettings.defaults()),
            new SelfService(jdbc), InsightsSettings.defaults(), WorkingHours.aroundTheClock(),
            Clock.fixed(T.plus(Duration.ofDays(10)), ZoneOffset.UTC));

    @Test
    void totalsBreakdownsAndDaysFollowTheFilter() {
        data.conversation(T, "webchat").journey(T, "general-support").decided(T, "ANSWER", "shipping", 0.9, null)
                .botReplied(T.plusSeconds(2)).resolved(T.plusSeconds(600), "answered");
        data.conversation(T.plus(Duration.ofDays(1)), "whatsapp").journey(T, "pre-sales")
                .decided(T, "ESCALATE", "pricing", 0.3, "sales").botReplied(T.plus(Duration.ofDays(1)).plusSeconds(4))
                .handedOff(T.plus(Duration.ofDays(1)), "sales").event(T.plus(Duration.ofDays(1)), "LEAD_CAPTURED", null, null);
        jdbc.sql("insert into article_views (visitor_id, path, viewed_at) values ('v', 'shipping.md', ?)")
                .param(InsightsData.utc(T)).update();
        Filter march = Filter.between(InsightsData.utc(T.minus(Duration.ofDays(1))),
                InsightsData.utc(T.plus(Duration.ofDays(2))));

        KpiReport all = kpis.report(march);
        KpiReport whatsapp = kpis.report(march.channel("whatsapp"));

        assertThat(all.totals().conversations()).isEqualTo(2);
        assertThat(all.totals().containment().contained()).isEqualTo(1);
        assertThat(all.totals().transfer().rate()).isEqualTo(0.5);
        assertThat(all.totals().conversion()).isEqualTo(new Kpis.Conversion(1, 1, 0, 1, 1.0));
        assertThat(all.byChannel()).extracting(KpiReport.Breakdown::key).containsExactlyInAnyOrder("webchat", "whatsapp");
        assertThat(all.byJourney()).extracting(KpiReport.Breakdown::key)
                .containsExactlyInAnyOrder("general-support", "pre-sales");
        assertThat(all.byQueue()).singleElement().satisfies(b -> assertThat(b.key()).isEqualTo("sales"));
        assertThat(all.byIntent()).hasSize(2);
        assertThat(all.daily()).extracting(KpiReport.Day::date).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4));
        assertThat(all.daily()).extracting(KpiReport.Day::conversations).containsExactly(0L, 1L, 1L, 0L);
        assertThat(all.selfService()).isEqualTo(new KpiReport.SelfServiceRate(1, 1, 1.0));

        assertThat(whatsapp.totals().conversations()).isEqualTo(1);
        assertThat(whatsapp.totals().firstResponse().medianSeconds()).isEqualTo(4.0);
        assertThat(whatsapp.options().channels()).as("the options ignore the filter").containsExactly("webchat", "whatsapp");
        assertThat(whatsapp.options().queues()).containsExactly("sales");
    }
}
