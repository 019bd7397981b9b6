package io.throughline.insights;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Self-service, the way Intercom and Zendesk count it: a help article a visitor opened from the widget that was not
 * followed by a message from that visitor (on any channel they are known by) within {@link #WINDOW}.
 */
@Service
public class SelfService {

    /** How long after a view a message still counts as "the article did not help". */
    public static final Duration WINDOW = Duration.ofHours(24);

    public record ArticleCount(String path, long views, long selfServed) {}

    public record Report(OffsetDateTime from, OffsetDateTime to, long articleViews, long visitors, long followedByContact,
                         long selfServed, Double selfServiceRate, Duration window, List<ArticleCount> articles) {}

    // a view is followed by a contact when the visitor's customer wrote within the window after it: in a conversation
    // open at some point of that window (the customer's conversations by time, then the messages by time: indexed)
    private static final String VIEWS = """
            select v.path,
                   case when exists (
                       select 1 from customer_identities ci
                       join conversations c on c.customer_id = ci.customer_id
                       join messages m on m.conversation_id = c.id
                       where ci.identity_type = 'visitor' and ci.identity_value = v.visitor_id
                         and c.opened_at < v.viewed_at + interval '24' hour
                         and (c.resolved_at is null or c.resolved_at >= v.viewed_at)
                         and m.direction = 'IN' and m.visible_at >= v.viewed_at
                         and m.visible_at < v.viewed_at + interval '24' hour)
                   then 1 else 0 end as contacted,
                   v.visitor_id
            from article_views v
            where v.viewed_at >= ? and v.viewed_at < ?""";

    private final JdbcClient jdbc;

    SelfService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report between(OffsetDateTime from, OffsetDateTime to) {
        record View(String path, boolean contacted, String visitor) {}
        List<View> views = jdbc.sql(VIEWS).params(from, to)
                .query((rs, n) -> new View(rs.getString(1), rs.getInt(2) == 1, rs.getString(3)))
                .list();
        long followed = views.stream().filter(View::contacted).count();
        long served = views.size() - followed;
        List<ArticleCount> articles = views.stream()
                .collect(java.util.stream.Collectors.groupingBy(View::path, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()))
                .entrySet().stream()
                .map(e -> new ArticleCount(e.getKey(), e.getValue().size(),
                        e.getValue().stream().filter(v -> !v.contacted()).count()))
                .sorted(java.util.Comparator.comparingLong(ArticleCount::views).reversed())
                .toList();
        long visitors = views.stream().map(View::visitor).distinct().count();
        return new Report(from, to, views.size(), visitors, followed, served,
                views.isEmpty() ? null : (double) served / views.size(), WINDOW, articles);
    }
}
