package io.throughline.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The KPI report behind {@code GET /api/insights/kpis} and the dashboard's tiles and charts. */
@Service
public class ConversationKpis {

    /** Intents beyond this many (by volume) are left out of the intent breakdown; the filter still takes them. */
    static final int INTENTS_SHOWN = 12;
    private static final int DAYS_FILLED = 366;
    private static final Executor ALONGSIDE = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "insights-alongside");
        thread.setDaemon(true);
        return thread;
    });

    private final ConversationRows rows;
    private final SelfService selfService;
    private final InsightsSettings settings;
    private final WorkingHours workingHours;
    private final Clock clock;
    private final Recent<SelfService.Report> recentViews;

    @Autowired
    public ConversationKpis(ConversationRows rows, SelfService selfService, InsightsSettings settings,
                            WorkingHours workingHours) {
        this(rows, selfService, settings, workingHours, Clock.systemUTC());
    }

    ConversationKpis(ConversationRows rows, SelfService selfService, InsightsSettings settings, WorkingHours workingHours,
                     Clock clock) {
        this.rows = rows;
        this.selfService = selfService;
        this.settings = settings;
        this.workingHours = workingHours;
        this.clock = clock;
        this.recentViews = new Recent<>(settings.reportMaxAge(), 4);
    }

    public Measures measures() {
        return new Measures(settings, workingHours, clock.instant());
    }

    public KpiReport report(Filter filter) {
        Measures measures = measures();
        // article views are counted meanwhile: another query, on another connection
        CompletableFuture<SelfService.Report> views = CompletableFuture.supplyAsync(() -> recentViews.get(
                filter.from().toInstant() + "/" + filter.to().toInstant(),
                () -> selfService.between(filter.from(), filter.to())), ALONGSIDE);
        List<ConversationRow> inRange = rows.all(filter.from(), filter.to());
        List<Measures.Measured> covered = inRange.stream().filter(filter::matches).map(measures::measure).toList();
        var options = new KpiReport.Options(distinct(inRange, ConversationRow::journeys),
                distinct(inRange, r -> r.channel() == null ? List.of() : List.of(r.channel())),
                distinct(inRange, r -> r.intent() == null ? List.of() : List.of(r.intent())),
                distinct(inRange, ConversationRow::queues));
        SelfService.Report viewed = views.join();
        return new KpiReport(filter.from(), filter.to(), filter, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                new KpiReport.Windows(settings.reopenWindow().toHours(), settings.repeatWindow().toDays(),
                        settings.preSalesJourney()),
                Measures.ofMeasured(covered),
                breakdown(covered, ConversationRow::journeys, Integer.MAX_VALUE),
                breakdown(covered, r -> r.channel() == null ? List.of() : List.of(r.channel()), Integer.MAX_VALUE),
                breakdown(covered, r -> r.intent() == null ? List.of() : List.of(r.intent()), INTENTS_SHOWN),
                breakdown(covered, ConversationRow::queues, Integer.MAX_VALUE),
                daily(filter, covered), options,
                new KpiReport.SelfServiceRate(viewed.articleViews(), viewed.selfServed(), viewed.selfServiceRate()));
    }

    /** One breakdown entry per key, largest first; a conversation with several keys (journeys, queues) counts in each. */
    private static List<KpiReport.Breakdown> breakdown(List<Measures.Measured> measured,
                                                       Function<ConversationRow, List<String>> keys, int limit) {
        Map<String, List<Measures.Measured>> groups = new LinkedHashMap<>();
        for (Measures.Measured m : measured) {
            for (String key : keys.apply(m.row())) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        return groups.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Measures.Measured>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new KpiReport.Breakdown(e.getKey(), Measures.ofMeasured(e.getValue())))
                .toList();
    }

    /** Every UTC day of the range (up to a year of them; longer ranges list the days with conversations). */
    private static List<KpiReport.Day> daily(Filter filter, List<Measures.Measured> measured) {
        Map<LocalDate, List<Measures.Measured>> days = measured.stream().collect(Collectors.groupingBy(
                m -> m.row().openedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), TreeMap::new,
                Collectors.toList()));
        LocalDate first = filter.from().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate last = filter.to().withOffsetSameInstant(ZoneOffset.UTC).minusNanos(1).toLocalDate();
        if (!last.isAfter(first.plusDays(DAYS_FILLED))) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days.putIfAbsent(day, List.of());
            }
        }
        List<KpiReport.Day> out = new ArrayList<>();
        days.forEach((date, day) -> {
            Kpis kpis = Measures.ofMeasured(day);
            out.add(new KpiReport.Day(date, kpis.conversations(), kpis.transfer().count(), kpis.containment().contained(),
                    kpis.resolved(), kpis.firstResponse().medianSeconds(), kpis.csat().average()));
        });
        return out;
    }

    private static List<String> distinct(Collection<ConversationRow> rows, Function<ConversationRow, List<String>> keys) {
        Set<String> all = new HashSet<>();
        for (ConversationRow row : rows) {
            for (String key : keys.apply(row)) {
                all.add(key);
            }
        }
        return all.stream().sorted().toList();
    }
}
