package io.throughline.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a supervisor watches: the open conversations by queue and channel, who is waiting for an answer and for how
 * long, and which handoffs are close to (or past) their queue's first-response target.
 */
@Service
public class LiveView {

    /** The queue of a conversation no person was asked to take. */
    public static final String BOT = "bot";
    static final int LONGEST_SHOWN = 25;

    /**
     * @param waitingSince the customer's first message since the last reply; null when it is the customer's turn
     * @param targetUsed   share of the queue's first-response target used while waiting for a person (1.0 = all)
     * @param sla          {@code at-risk}, {@code breached}, or null
     */
    public record Open(UUID conversationId, String queue, String channel, OffsetDateTime openedAt,
                       OffsetDateTime waitingSince, Double waitingSeconds, Double targetUsed, String sla) {}

    public record Group(String key, long open, long waiting, long atRisk, long breached, Double longestWaitSeconds) {}

    public record Cell(String queue, String channel, long open) {}

    public record Snapshot(OffsetDateTime at, long open, long waiting, long atRisk, long breached, List<Group> byQueue,
                           List<Group> byChannel, List<Cell> byQueueAndChannel, List<Open> longestWaiting,
                           long tasksWaiting, Map<String, Long> tasksByQueue) {}

    private static final String OPEN_EVENTS = """
            select e.conversation_id, c.opened_at, e.event_type, e.channel, e.detail, e.occurred_at
            from conversations c
            join conversation_events e on e.conversation_id = c.id
            where c.status = 'OPEN' and c.merged_into is null
              and e.event_type in ('MESSAGE_IN', 'MESSAGE_OUT', 'HANDOFF', 'AGENT_REPLY', 'SLA_BREACHED')
            order by e.id""";

    private final JdbcClient jdbc;
    private final OpenTasks tasks;
    private final InsightsSettings settings;
    private final WorkingHours workingHours;
    private final Clock clock;

    @Autowired
    public LiveView(JdbcClient jdbc, OpenTasks tasks, InsightsSettings settings, WorkingHours workingHours) {
        this(jdbc, tasks, settings, workingHours, Clock.systemUTC());
    }

    LiveView(JdbcClient jdbc, OpenTasks tasks, InsightsSettings settings, WorkingHours workingHours, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.settings = settings;
        this.workingHours = workingHours;
        this.clock = clock;
    }

    public Snapshot now() {
        Instant now = clock.instant();
        Measures measures = new Measures(settings, workingHours, now);
        List<Open> open = openConversations().stream().map(t -> t.open(measures, now)).toList();
        TreeSet<String> queues = new TreeSet<>(settings.sla().keySet());
        queues.remove("default");
        open.stream().map(Open::queue).filter(q -> !BOT.equals(q)).forEach(queues::add);
        Map<String, Long> cells = new TreeMap<>();
        open.forEach(o -> cells.merge(o.queue() + "\u0000" + o.channel(), 1L, Long::sum));
        return new Snapshot(now.atOffset(ZoneOffset.UTC), open.size(), open.stream().filter(o -> o.waitingSince() != null).count(),
                count(open, "at-risk"), count(open, "breached"), groups(open, Open::queue), groups(open, Open::channel),
                cells.entrySet().stream().map(e -> {
                    String[] key = e.getKey().split("\u0000", -1);
                    return new Cell(key[0], key[1], e.getValue());
                }).toList(),
                open.stream().filter(o -> o.waitingSince() != null)
                        .sorted(Comparator.comparing(Open::waitingSince)).limit(LONGEST_SHOWN).toList(),
                tasks.count(), tasks.byQueue(queues));
    }

    /** Each open conversation's timeline, folded: last channel, latest handoff, last reply, first unanswered message. */
    private List<OpenConversation> openConversations() {
        Map<UUID, OpenConversation> timelines = new LinkedHashMap<>();
        jdbc.sql(OPEN_EVENTS).query(rs -> {
            OpenConversation t = timelines.computeIfAbsent(rs.getObject(1, UUID.class),
                    id -> new OpenConversation(id, rs2time(rs, 2)));
            OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
            switch (rs.getString(3)) {
                case "MESSAGE_IN" -> {
                    t.channel = rs.getString(4) == null ? t.channel : rs.getString(4);
                    if (t.waitingSince == null) {
                        t.waitingSince = at;
                    }
                }
                case "MESSAGE_OUT" -> t.waitingSince = null;
                case "HANDOFF" -> {
                    String queue = Timeline.queueOf(rs.getString(5));
                    t.queue = queue == null ? t.queue : queue;
                    t.handoffAt = at;
                    t.waitingForPersonSince = t.waitingSince == null ? at : t.waitingSince;
                    t.personReplied = false;
                    t.breachReported = false;
                }
                case "AGENT_REPLY" -> t.personReplied = true;
                default -> t.breachReported = true; // SLA_BREACHED
            }
        });
        return new ArrayList<>(timelines.values());
    }

    private static OffsetDateTime rs2time(java.sql.ResultSet rs, int column) {
        try {
            return rs.getObject(column, OffsetDateTime.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(List<Open> open, String sla) {
        return open.stream().filter(o -> sla.equals(o.sla())).count();
    }

    private static List<Group> groups(List<Open> open, Function<Open, String> key) {
        Map<String, List<Open>> byKey = new TreeMap<>();
        open.forEach(o -> byKey.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        return byKey.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().size(),
                        e.getValue().stream().filter(o -> o.waitingSince() != null).count(), count(e.getValue(), "at-risk"),
                        count(e.getValue(), "breached"),
                        e.getValue().stream().map(Open::waitingSeconds).filter(s -> s != null)
                                .max(Double::compare).orElse(null)))
                .sorted(Comparator.comparing((Group g) -> -g.open()).thenComparing(Group::key))
                .toList();
    }

    /** One open conversation's timeline, as far as the live view needs it. */
    private static final class OpenConversation {
        final UUID id;
        final OffsetDateTime openedAt;
        String channel = "unknown";
        String queue = BOT;
        OffsetDateTime handoffAt;
        OffsetDateTime waitingSince;
        OffsetDateTime waitingForPersonSince;
        boolean personReplied;
        boolean breachReported;

        OpenConversation(UUID id, OffsetDateTime openedAt) {
            this.id = id;
            this.openedAt = openedAt;
        }

        Open open(Measures measures, Instant now) {
            Double used = null;
            String sla = null;
            OffsetDateTime since = waitingSince;
            if (handoffAt != null && !personReplied) { // the bot's notice is no answer: the customer waits for a person
                since = waitingForPersonSince;
                used = measures.firstResponseTargetUsed(queue, handoffAt.toInstant());
                sla = breachReported || (used != null && used > 1.0) ? "breached" : measures.atRisk(used) ? "at-risk" : null;
            }
            Double waited = since == null ? null : Math.max(0, Duration.between(since.toInstant(), now).toMillis()) / 1000.0;
            return new Open(id, queue, channel, openedAt, since, waited, used, sla);
        }
    }
}
