package io.throughline.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads one {@link ConversationRow} per conversation opened in a time range: the conversation itself joined with its
 * folded timeline ({@link ConversationSummaries}, brought up to date first), and the same customer's conversations just
 * before and after it for reopens and repeat contacts (window functions over a range widened by those windows). Plain
 * SQL that runs on PostgreSQL and H2; the journey, channel, intent and queue filters are applied to the rows, so one read
 * serves every breakdown.
 */
@Repository
public class ConversationRows {

    private static final String ROWS = """
            select w.* from (
                select c.id, c.customer_id, c.status, c.opened_at, c.resolved_at, c.resolution, s.intent, s.channel,
                       s.channels, s.journeys, s.queues, s.customer_messages, s.first_response_at, s.handoff_at,
                       s.handoffs, s.agent_reply_at, s.reopened_at, s.csat_score, s.csat_comment, s.lead_captured,
                       s.booking_confirmed, s.sla_breached, s.follow_ups,
                       lead(c.opened_at) over (partition by c.customer_id order by c.opened_at, c.id) as next_opened,
                       lag(c.opened_at) over (partition by c.customer_id, s.intent order by c.opened_at, c.id)
                           as previous_same_intent,
                       lead(c.opened_at) over (partition by c.customer_id, s.intent order by c.opened_at, c.id)
                           as next_same_intent
                from conversations c
                left join insights_conversations s on s.conversation_id = c.id
                where c.opened_at >= ? and c.opened_at < ? and c.merged_into is null) w
            where w.opened_at >= ? and w.opened_at < ?""";

    private static final int READS_KEPT = 2;
    private static final Comparator<ConversationRow> NEWEST_FIRST =
            Comparator.comparing(ConversationRow::openedAt).reversed().thenComparing(ConversationRow::id);

    /** One read of a range, shared by the calls that want it (the dashboard asks for KPIs and rows at once). */
    private record Read(Instant at, CompletableFuture<List<ConversationRow>> rows) {}

    private final JdbcClient jdbc;
    private final ConversationSummaries summaries;
    private final InsightsSettings settings;
    private final Map<String, Read> reads = new LinkedHashMap<>();

    public ConversationRows(JdbcClient jdbc, ConversationSummaries summaries, InsightsSettings settings) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.settings = settings;
    }

    /** The conversations the filter covers, newest first. */
    public List<ConversationRow> find(Filter filter) {
        return all(filter.from(), filter.to()).stream().filter(filter::matches).toList();
    }

    /**
     * Every conversation opened in {@code [from, to)}, newest first, before the journey/channel/intent/queue filters.
     * A read is shared by the calls for the same range while it is younger than {@code report-max-age} (filters, the
     * KPIs and the rows of one dashboard load all use one); an older one is read again, after a fold.
     */
    public List<ConversationRow> all(OffsetDateTime from, OffsetDateTime to) {
        String key = from.toInstant() + "/" + to.toInstant();
        CompletableFuture<List<ConversationRow>> mine = null;
        Read read;
        synchronized (reads) {
            read = reads.get(key);
            if (read == null || read.rows().isCompletedExceptionally()
                    || !read.at().plus(settings.reportMaxAge()).isAfter(Instant.now())) {
                mine = new CompletableFuture<>();
                read = new Read(Instant.now(), mine);
                reads.remove(key);
                reads.put(key, read);
                while (reads.size() > READS_KEPT) {
                    reads.remove(reads.keySet().iterator().next());
                }
            }
        }
        if (mine != null) {
            try {
                summaries.catchUp();
                mine.complete(read(from, to));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return read.rows().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private List<ConversationRow> read(OffsetDateTime from, OffsetDateTime to) {
        // a repeat may lie a window before the range, a reopen or a repeat a window after it
        OffsetDateTime before = from.minus(settings.repeatWindow());
        OffsetDateTime after = to.plus(settings.repeatWindow().compareTo(settings.reopenWindow()) > 0
                ? settings.repeatWindow() : settings.reopenWindow());
        List<ConversationRow> rows = new ArrayList<>(jdbc.sql(ROWS).params(before, after, from, to).query(this::row).list());
        rows.sort(NEWEST_FIRST);
        return List.copyOf(rows);
    }

    private ConversationRow row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime opened = rs.getObject("opened_at", OffsetDateTime.class);
        OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
        OffsetDateTime next = rs.getObject("next_opened", OffsetDateTime.class);
        OffsetDateTime previousSame = rs.getObject("previous_same_intent", OffsetDateTime.class);
        OffsetDateTime nextSame = rs.getObject("next_same_intent", OffsetDateTime.class);
        String intent = rs.getString("intent");
        boolean cameBack = resolved != null && next != null && next.isAfter(resolved)
                && !next.isAfter(resolved.plus(settings.reopenWindow()));
        boolean repeat = intent != null && previousSame != null
                && !previousSame.isBefore(opened.minus(settings.repeatWindow()));
        boolean repeatedLater = intent != null && nextSame != null
                && !nextSame.isAfter(opened.plus(settings.repeatWindow()));
        List<String> channels = Timeline.split(rs.getString("channels"));
        return new ConversationRow(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), opened,
                rs.getString("status"), resolved, rs.getString("resolution"), rs.getString("channel"), channels,
                Timeline.split(rs.getString("journeys")), intent, Timeline.split(rs.getString("queues")),
                rs.getInt("customer_messages"), rs.getObject("first_response_at", OffsetDateTime.class),
                rs.getObject("handoff_at", OffsetDateTime.class), rs.getInt("handoffs"),
                rs.getObject("agent_reply_at", OffsetDateTime.class),
                rs.getObject("reopened_at", OffsetDateTime.class) != null || cameBack, repeat, repeatedLater,
                (Integer) rs.getObject("csat_score"), rs.getString("csat_comment"), rs.getBoolean("lead_captured"),
                rs.getBoolean("booking_confirmed"), rs.getBoolean("sla_breached"), rs.getInt("follow_ups"));
    }
}
