package io.throughline.conversation;

import io.throughline.customer.privacy.ErasedCounts;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention policy: resolved conversations whose last message is older than
 * {@code throughline.retention.conversations-older-than} are deleted with everything in them (see
 * {@link ConversationErasure}), on one node of a cluster, every {@code throughline.retention.every}. Off by default.
 */
@Service
public class Retention {

    static final String TASK = "retention";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final Duration MOST_BETWEEN_CHECKS = Duration.ofMinutes(1);

    private final RetentionSettings settings;
    private final ScheduledRuns runs;
    private final JdbcClient jdbc;
    private final ConversationErasure erasure;
    private final TransactionTemplate transaction;
    private ScheduledExecutorService scheduler;

    Retention(RetentionSettings settings, ScheduledRuns runs, JdbcClient jdbc, ConversationErasure erasure,
              PlatformTransactionManager transactions) {
        this.settings = settings;
        this.runs = runs;
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a run deleted. */
    public record Purged(int conversations, ErasedCounts counts) {}

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.on()) {
            log.info("retention is off: conversations are kept forever (set throughline.retention.conversations-older-than)");
            return;
        }
        log.info("retention: resolved conversations whose last message is older than {} are deleted every {}",
                settings.conversationsOlderThan(), settings.every());
        // every node asks; the claim lets one run (see ScheduledRuns)
        long check = Math.min(settings.every().toMillis(), MOST_BETWEEN_CHECKS.toMillis());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runIfDue, check, check, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void runIfDue() {
        try {
            if (runs.claim(TASK, settings.every())) {
                Purged purged = purge(OffsetDateTime.now(ZoneOffset.UTC).minus(settings.conversationsOlderThan()));
                runs.finished(TASK, purged.conversations() + " conversations: " + purged.counts());
            }
        } catch (RuntimeException e) {
            log.warn("retention failed; it runs again at the next turn: {}", e.toString());
        }
    }

    /** Deletes every resolved conversation whose last message (or, without one, its end) is before {@code cutoff}. */
    public Purged purge(OffsetDateTime cutoff) {
        ErasedCounts counts = new ErasedCounts();
        int total = 0;
        while (true) {
            ErasedCounts batchCounts = new ErasedCounts();
            List<UUID> batch = eraseBatch(cutoff, batchCounts);
            counts.addAll(batchCounts);
            total += batch.size();
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("retention removed {} resolved conversations whose last message was before {}: {}", total, cutoff,
                    counts);
        } else {
            log.info("retention: no resolved conversation's last message was before {}", cutoff);
        }
        return new Purged(total, counts);
    }

    /** One batch in one transaction; a clash with a journey job at work on one of them is tried again. */
    private List<UUID> eraseBatch(OffsetDateTime cutoff, ErasedCounts counts) {
        for (int attempt = 1; ; attempt++) {
            try {
                ErasedCounts tried = new ErasedCounts();
                List<UUID> ids = transaction.execute(status -> {
                    List<UUID> expired = expired(cutoff);
                    erasure.erase(expired, tried);
                    return expired;
                });
                counts.addAll(tried);
                return ids;
            } catch (ConcurrencyFailureException clash) {
                if (attempt == 3) {
                    throw clash;
                }
                log.info("retention clashed with a journey at work (attempt {}); trying again", attempt);
            }
        }
    }

    private List<UUID> expired(OffsetDateTime cutoff) {
        return jdbc.sql("select c.id from conversations c where c.status = 'RESOLVED' and coalesce("
                        + "(select max(m.created_at) from messages m where m.conversation_id = c.id), c.resolved_at, "
                        + "c.opened_at) < ? order by c.opened_at limit ?")
                .params(cutoff, settings.batchSize()).query(UUID.class).list();
    }
}
