package io.throughline.insights;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The KPIs of the conversations a {@link Filter} covers, broken down by journey, channel, intent and queue, and per day.
 *
 * @param options     what the filters can take in this time range (every journey, channel, intent and queue seen)
 * @param selfService help-article views from the widget in the time range (they carry no journey or channel)
 */
public record KpiReport(OffsetDateTime from, OffsetDateTime to, Filter filter, OffsetDateTime computedAt,
                        Windows windows, Kpis totals, List<Breakdown> byJourney, List<Breakdown> byChannel,
                        List<Breakdown> byIntent, List<Breakdown> byQueue, List<Day> daily, Options options,
                        SelfServiceRate selfService) {

    public record Windows(long reopenHours, long repeatDays, String preSalesJourney) {}

    public record Breakdown(String key, Kpis kpis) {}

    /** One UTC day, by the day conversations opened. */
    public record Day(LocalDate date, long conversations, long handedOff, long contained, long resolved,
                      Double medianFirstResponseSeconds, Double csatAverage) {}

    public record Options(List<String> journeys, List<String> channels, List<String> intents, List<String> queues) {}

    public record SelfServiceRate(long articleViews, long selfServed, Double rate) {}
}
