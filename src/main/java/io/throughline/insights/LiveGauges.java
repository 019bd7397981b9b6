package io.throughline.insights;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The live view as Prometheus gauges ({@code /actuator/prometheus}), recomputed every
 * {@code throughline.insights.live-refresh}: open and waiting conversations by queue and channel, handoffs at risk of
 * or past their first-response target, and open agent tasks per queue.
 */
@Component
class LiveGauges {

    private static final Logger log = LoggerFactory.getLogger(LiveGauges.class);

    private final LiveView live;
    private final InsightsSettings settings;
    private final MultiGauge open;
    private final MultiGauge waiting;
    private final MultiGauge atRisk;
    private final MultiGauge breached;
    private final MultiGauge tasks;
    private final AtomicLong allTasks = new AtomicLong();
    private ScheduledExecutorService refresher;
    private volatile boolean failing;

    LiveGauges(LiveView live, InsightsSettings settings, MeterRegistry registry) {
        this.live = live;
        this.settings = settings;
        open = MultiGauge.builder("throughline.conversations.open")
                .description("Open conversations by queue (bot: no person asked) and the channel the customer wrote on last")
                .register(registry);
        waiting = MultiGauge.builder("throughline.conversations.waiting")
                .description("Open conversations whose customer waits for an answer, by queue").register(registry);
        atRisk = MultiGauge.builder("throughline.conversations.sla.at.risk")
                .description("Handoffs waiting for a person past the at-risk share of their first-response target")
                .register(registry);
        breached = MultiGauge.builder("throughline.conversations.sla.breached")
                .description("Handoffs waiting for a person past their first-response target").register(registry);
        tasks = MultiGauge.builder("throughline.tasks.waiting")
                .description("Open agent tasks per queue (candidate group), claimed or not").register(registry);
        Gauge.builder("throughline.tasks.waiting.all", allTasks, AtomicLong::get)
                .description("Open agent tasks, every queue").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "insights-live-gauges");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.liveRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    void refresh() {
        try {
            LiveView.Snapshot now = live.now();
            open.register(now.byQueueAndChannel().stream()
                    .map(c -> row(Tags.of("queue", c.queue(), "channel", c.channel()), c.open())).toList(), true);
            waiting.register(now.byQueue().stream().map(g -> row(Tags.of("queue", g.key()), g.waiting())).toList(), true);
            atRisk.register(now.byQueue().stream().map(g -> row(Tags.of("queue", g.key()), g.atRisk())).toList(), true);
            breached.register(now.byQueue().stream().map(g -> row(Tags.of("queue", g.key()), g.breached())).toList(), true);
            List<MultiGauge.Row<?>> perQueue = new ArrayList<>();
            now.tasksByQueue().forEach((queue, count) -> perQueue.add(row(Tags.of("queue", queue), count)));
            tasks.register(perQueue, true);
            allTasks.set(now.tasksWaiting());
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not every refresh
                log.warn("the live gauges could not be refreshed: {}", e.toString());
            }
            failing = true;
        }
    }

    private static MultiGauge.Row<?> row(Tags tags, long value) {
        return MultiGauge.Row.of(tags, value);
    }
}
