package io.throughline.insights;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Insights' read model: one row per conversation in {@code insights_conversations}, folded from its timeline and its
 * first decision ({@link Timeline}), so a report over a million messages reads a hundred thousand rows, not every event.
 *
 * <p>It is kept current by folding again every conversation that gained an event or a decision since the last fold
 * (by id): every report does so first, so it sees what was written before it. Ids are handed out before commit, so an
 * event can become visible after one with a higher id was read; a background pass every {@code live-refresh} therefore
 * also folds again the conversations with events in the last {@value #LATE_MINUTES} minutes. A lock on the one row of
 * {@code insights_folds} lets one node of a cluster fold at a time. The first fold of an existing database reads
 * everything once, streamed.
 */
@Component
public class ConversationSummaries {

    static final int LATE_MINUTES = 5;
    /** Past this many changed conversations a fold reads the whole timeline in one pass instead of by conversation. */
    static final int WHOLE_PASS = 20_000;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ConversationSummaries.class);

    private static final String INSERT = """
            insert into insights_conversations (conversation_id, intent, channel, channels, journeys, queues,
                customer_messages, first_response_at, handoff_at, handoffs, agent_reply_at, reopened_at, csat_score,
                csat_comment, lead_captured, booking_confirmed, sla_breached, follow_ups, last_event_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration every;
    private final ReentrantLock folding = new ReentrantLock();
    private ScheduledExecutorService background;

    @Autowired
    public ConversationSummaries(DataSource dataSource, InsightsSettings settings) {
        this(dataSource, settings.liveRefresh(), Clock.systemUTC());
    }

    ConversationSummaries(DataSource dataSource, Duration every, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.every = every;
    }

    /**
     * Folds what was written since the last fold.
     *
     * @return how far the read model has read (the last event and decision ids): what a cache of reports can key on
     */
    public String catchUp() {
        return fold(false);
    }

    /** Folds what was written since the last fold, and again what has events from the last few minutes. */
    public void catchUpWithLateCommits() {
        fold(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "insights-summaries");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(() -> {
            try {
                catchUpWithLateCommits();
            } catch (RuntimeException e) {
                log.warn("insights could not fold the latest conversations (it tries again): {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    private String fold(boolean lateCommits) {
        folding.lock();
        try {
            return transactions.execute(status -> {
                long[] read = jdbc.sql("select last_event_id, last_decision_id from insights_folds "
                                + "where name = 'conversations' for update")
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
                long lastEvent = jdbc.sql("select coalesce(max(id), 0) from conversation_events").query(Long.class).single();
                long lastDecision = jdbc.sql("select coalesce(max(id), 0) from decisions").query(Long.class).single();
                String version = lastEvent + "/" + lastDecision;
                if (lastEvent == read[0] && lastDecision == read[1] && !lateCommits) {
                    return version;
                }
                long started = System.nanoTime();
                int folded;
                if (read[0] == 0 && read[1] == 0) {
                    folded = foldEverything();
                } else {
                    Set<UUID> changed = changed(read[0], lastEvent, read[1], lastDecision, lateCommits);
                    folded = changed.size() > WHOLE_PASS ? foldEverything() : foldAgain(changed);
                }
                jdbc.sql("update insights_folds set last_event_id = ?, last_decision_id = ?, folded_at = ? "
                                + "where name = 'conversations'")
                        .params(lastEvent, lastDecision, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                        .update();
                if (folded > WHOLE_PASS) {
                    log.info("insights folded {} conversations in {} ms", folded, (System.nanoTime() - started) / 1_000_000);
                }
                return version;
            });
        } finally {
            folding.unlock();
        }
    }

    private Set<UUID> changed(long fromEvent, long toEvent, long fromDecision, long toDecision, boolean lateCommits) {
        Set<UUID> changed = new LinkedHashSet<>();
        OffsetDateTime recent = OffsetDateTime.now(clock).minusMinutes(LATE_MINUTES).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("select distinct conversation_id from conversation_events where id > ? and id <= ?")
                .params(fromEvent, toEvent).query(rs -> { changed.add(rs.getObject(1, UUID.class)); });
        jdbc.sql("select distinct conversation_id from decisions where id > ? and id <= ?")
                .params(fromDecision, toDecision).query(rs -> { changed.add(rs.getObject(1, UUID.class)); });
        if (lateCommits) {
            jdbc.sql("select distinct conversation_id from conversation_events where occurred_at >= ?")
                    .param(recent).query(rs -> { changed.add(rs.getObject(1, UUID.class)); });
            jdbc.sql("select distinct conversation_id from decisions where decided_at >= ?")
                    .param(recent).query(rs -> { changed.add(rs.getObject(1, UUID.class)); });
        }
        return changed;
    }

    /** Folds the given conversations again, a batch at a time. */
    private int foldAgain(Collection<UUID> conversations) {
        List<UUID> all = new ArrayList<>(conversations);
        for (int i = 0; i < all.size(); i += BATCH) {
            List<UUID> batch = all.subList(i, Math.min(all.size(), i + BATCH));
            String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
            List<Object> ids = new ArrayList<>(batch);
            Map<UUID, Timeline> timelines = new HashMap<>();
            batch.forEach(id -> timelines.put(id, new Timeline(id)));
            jdbc.sql("select conversation_id, intent from decisions where intent is not null and conversation_id in ("
                    + marks + ") order by id").params(ids).query(rs -> {
                        Timeline t = timelines.get(rs.getObject(1, UUID.class));
                        t.intent = t.intent == null ? rs.getString(2) : t.intent;
                    });
            jdbc.sql("select conversation_id, event_type, channel, detail, occurred_at from conversation_events "
                    + "where conversation_id in (" + marks + ") order by id").params(ids)
                    .query(rs -> { timelines.get(rs.getObject(1, UUID.class)).add(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class)); });
            jdbc.sql("delete from insights_conversations where conversation_id in (" + marks + ")").params(ids).update();
            store(timelines.values());
        }
        return all.size();
    }

    /** The first fold, or one after a long pause: every conversation, the timeline read once, in conversation order. */
    private int foldEverything() {
        jdbc.sql("delete from insights_conversations").update();
        Map<UUID, String> intents = new HashMap<>();
        streaming.query("select d.conversation_id, d.intent from decisions d where d.id in "
                + "(select min(f.id) from decisions f where f.intent is not null group by f.conversation_id)",
                rs -> { intents.put(rs.getObject(1, UUID.class), rs.getString(2)); });
        List<Timeline> pending = new ArrayList<>();
        int[] folded = {0};
        List<Object[]> events = new ArrayList<>(); // one conversation's, to put in order
        UUID[] current = {null};
        streaming.query("select conversation_id, id, event_type, channel, detail, occurred_at from conversation_events "
                + "order by conversation_id", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!id.equals(current[0])) {
                        flush(current[0], events, intents, pending);
                        current[0] = id;
                    }
                    events.add(row(rs));
                    if (pending.size() >= BATCH) {
                        store(pending);
                        folded[0] += pending.size();
                        pending.clear();
                    }
                });
        flush(current[0], events, intents, pending);
        store(pending);
        return folded[0] + pending.size();
    }

    private static Object[] row(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class)};
    }

    private static void flush(UUID conversation, List<Object[]> events, Map<UUID, String> intents,
                              List<Timeline> into) {
        if (conversation == null) {
            return;
        }
        events.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
        Timeline timeline = new Timeline(conversation);
        timeline.intent = intents.get(conversation);
        for (Object[] e : events) {
            timeline.add((String) e[1], (String) e[2], (String) e[3], (OffsetDateTime) e[4]);
        }
        into.add(timeline);
        events.clear();
    }

    private void store(Collection<Timeline> timelines) {
        if (timelines.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(timelines.size());
        for (Timeline t : timelines) {
            rows.add(new Object[] {t.conversationId, t.intent, t.channels.isEmpty() ? null : t.channels.get(0),
                    Timeline.join(t.channels), Timeline.join(t.journeys), Timeline.join(t.queues), t.customerMessages,
                    t.firstResponseAt, t.handoffAt, t.handoffs, t.agentReplyAt, t.reopenedAt, t.csatScore,
                    t.csatComment, t.leadCaptured, t.bookingConfirmed, t.slaBreached, t.followUps, t.lastEventAt});
        }
        streaming.batchUpdate(INSERT, rows);
    }
}
