package io.throughline.knowledge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with the rows, which every node of a cluster writes: a version check (the rows'
 * fingerprint) every few seconds. A check rather than a notice, because it needs no connection of its own, cannot
 * miss anything while the database is away, and costs one small query.
 */
@Component
class KnowledgeRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeRefresh.class);

    private final KnowledgeBase knowledgeBase;
    private final Duration interval;
    private ScheduledExecutorService checker;

    KnowledgeRefresh(KnowledgeBase knowledgeBase, @Value("${throughline.knowledge.refresh-interval:5s}") Duration interval) {
        this.knowledgeBase = knowledgeBase;
        this.interval = interval;
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "knowledge-refresh");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            knowledgeBase.refresh();
        } catch (RuntimeException e) {
            log.warn("Could not check the knowledge rows for changes (tried again in {}): {}", interval, e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }
}
