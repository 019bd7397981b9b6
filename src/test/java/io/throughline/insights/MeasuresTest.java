package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The KPI definitions, on rows made by hand. */
class MeasuresTest {

    private static final Instant MONDAY_TEN = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant NOW = MONDAY_TEN.plus(Duration.ofDays(10));
    private static final WorkingHours NINE_TO_FIVE_UTC = new WeeklyWorkingHours(ZoneId.of("UTC"), Map.of(
            DayOfWeek.MONDAY, "09:00-17:00", DayOfWeek.TUESDAY, "09:00-17:00", DayOfWeek.WEDNESDAY, "09:00-17:00",
            DayOfWeek.THURSDAY, "09:00-17:00", DayOfWeek.FRIDAY, "09:00-17:00"), List.of());

    private final Measures measures = new Measures(InsightsSettings.defaults(), NINE_TO_FIVE_UTC, NOW);

    @Test
    void containmentCountsResolutionsWithoutAPersonOnceTheReopenWindowHasPassed() {
        var contained = RowBuilder.openedAt(MONDAY_TEN).resolvedAfter(Duration.ofMinutes(5)).build();
        var reopened = RowBuilder.openedAt(MONDAY_TEN).resolvedAfter(Duration.ofMinutes(5)).reopened().build();
        var withPerson = RowBuilder.openedAt(MONDAY_TEN).handedOff(MONDAY_TEN, "support")
                .agentReplied(MONDAY_TEN.plusSeconds(60)).resolvedAfter(Duration.ofMinutes(5)).build();
        var tooRecent = RowBuilder.openedAt(NOW.minus(Duration.ofHours(10))).resolvedAfter(Duration.ofMinutes(5)).build();
        var stillWithTheBot = RowBuilder.openedAt(NOW.minus(Duration.ofHours(1))).build();

        Kpis kpis = measures.of(List.of(contained, reopened, withPerson, tooRecent, stillWithTheBot));

        assertThat(measures.contained(contained)).isTrue();
        assertThat(measures.contained(tooRecent)).as("72 h have not passed").isFalse();
        assertThat(kpis.containment().contained()).isEqualTo(1);
        assertThat(kpis.containment().pending()).as("too recent, and still with the bot").isEqualTo(2);
        assertThat(kpis.containment().settled()).isEqualTo(3);
        assertThat(kpis.containment().rate()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void firstContactResolutionTransferRepeatsCsatAndConversion() {
        var once = RowBuilder.openedAt(MONDAY_TEN).intent("shipping").resolvedAfter(Duration.ofMinutes(1)).rated(5).build();
        var cameBack = RowBuilder.openedAt(MONDAY_TEN).intent("shipping").resolvedAfter(Duration.ofMinutes(1))
                .repeatedLater().rated(2).build();
        var repeat = RowBuilder.openedAt(MONDAY_TEN).intent("shipping").repeatContact().journey("pre-sales").lead().build();
        var handed = RowBuilder.openedAt(MONDAY_TEN).handedOff(MONDAY_TEN, "sales").journey("pre-sales").build();
        var booked = RowBuilder.openedAt(MONDAY_TEN).journey("general-support").journey("pre-sales").booking()
                .resolvedAfter(Duration.ofHours(1)).rated(4).build();

        Kpis kpis = measures.of(List.of(once, cameBack, repeat, handed, booked));

        assertThat(kpis.firstContactResolution()).isEqualTo(new Kpis.Rate(2, 3, 2 / 3.0));
        assertThat(kpis.transfer()).isEqualTo(new Kpis.Rate(1, 5, 0.2));
        assertThat(kpis.repeatContact()).isEqualTo(new Kpis.Rate(1, 3, 1 / 3.0));
        assertThat(kpis.csat().responses()).isEqualTo(3);
        assertThat(kpis.csat().average()).isCloseTo(11 / 3.0, within(1e-9));
        assertThat(kpis.csat().score()).as("4s and 5s").isCloseTo(2 / 3.0, within(1e-9));
        assertThat(kpis.csat().responseRate()).as("of the resolved").isCloseTo(1.0, within(1e-9));
        assertThat(kpis.conversion()).isEqualTo(new Kpis.Conversion(3, 1, 1, 2, 2 / 3.0));
    }

    @Test
    void timesAreMediansAndNinetiethPercentilesInSeconds() {
        var rows = List.of(1, 2, 3, 4, 100).stream()
                .map(s -> RowBuilder.openedAt(MONDAY_TEN).respondedAfter(Duration.ofSeconds(s))
                        .resolvedAfter(Duration.ofMinutes(s)).build()).toList();

        Kpis kpis = measures.of(rows);

        assertThat(kpis.firstResponse()).isEqualTo(new Kpis.Timing(5, 3.0, 100.0, 22.0));
        assertThat(kpis.timeToResolution().medianSeconds()).isEqualTo(180.0);
    }

    @Test
    void anSlaRunsOnWorkingHoursSoAFridayEveningHandoffIsNotLateOnMonday() {
        var settings = InsightsSettings.defaults().withSla(Map.of(
                "support", new InsightsSettings.Sla(Duration.ofHours(1), null, null),
                "vip", new InsightsSettings.Sla(Duration.ofHours(1), null, false)));
        Instant friday = Instant.parse("2026-03-06T16:30:00Z");
        Instant monday = Instant.parse("2026-03-09T09:20:00Z");
        var support = RowBuilder.openedAt(friday).handedOff(friday, "support").agentReplied(monday).build();
        var vip = RowBuilder.openedAt(friday).handedOff(friday, "vip").agentReplied(monday).build();
        var noSla = RowBuilder.openedAt(friday).handedOff(friday, "billing").agentReplied(monday).build();
        var m = new Measures(settings, NINE_TO_FIVE_UTC, NOW);

        assertThat(m.humanFirstResponse(support)).as("30 min on Friday + 20 on Monday").isEqualTo(Duration.ofMinutes(50));
        assertThat(m.firstResponseSla(support)).isEqualTo(Measures.SlaState.MET);
        assertThat(m.humanFirstResponse(vip)).as("a 24/7 queue").isEqualTo(Duration.ofMinutes(60 * 64 + 50));
        assertThat(m.firstResponseSla(vip)).isEqualTo(Measures.SlaState.BREACHED);
        assertThat(m.humanFirstResponse(noSla)).as("no SLA: wall clock").isEqualTo(Duration.ofMinutes(60 * 64 + 50));
        assertThat(m.firstResponseSla(noSla)).isEqualTo(Measures.SlaState.NONE);
        assertThat(m.of(List.of(support, vip, noSla)).firstResponseSla())
                .isEqualTo(new Kpis.Compliance(2, 1, 1, 0, 0.5));
    }

    @Test
    void aHandoffNobodyAnsweredIsPendingUntilItsTargetPassesAndBreachedWhenTheJourneySaysSo() {
        var settings = InsightsSettings.defaults().withSla(Map.of(
                "default", new InsightsSettings.Sla(Duration.ofHours(2), Duration.ofHours(8), null)));
        Instant mondayNine = Instant.parse("2026-03-09T09:00:00Z");
        var waiting = RowBuilder.openedAt(mondayNine).handedOff(mondayNine, "support").build();
        var flagged = RowBuilder.openedAt(mondayNine).handedOff(mondayNine, "support").slaBreached().build();

        var at10 = new Measures(settings, NINE_TO_FIVE_UTC, mondayNine.plus(Duration.ofHours(1)));
        var at12 = new Measures(settings, NINE_TO_FIVE_UTC, mondayNine.plus(Duration.ofHours(3)));

        assertThat(at10.firstResponseSla(waiting)).isEqualTo(Measures.SlaState.PENDING);
        assertThat(at12.firstResponseSla(waiting)).isEqualTo(Measures.SlaState.BREACHED);
        assertThat(at10.firstResponseSla(flagged)).isEqualTo(Measures.SlaState.BREACHED);
        assertThat(at10.firstResponseTargetUsed("support", mondayNine)).isCloseTo(0.5, within(1e-9));
        assertThat(at10.resolutionSla(waiting)).isEqualTo(Measures.SlaState.PENDING);
        assertThat(new Measures(settings, NINE_TO_FIVE_UTC, Instant.parse("2026-03-10T10:00:00Z")).resolutionSla(waiting))
                .as("9 working hours later").isEqualTo(Measures.SlaState.BREACHED);
    }
}
