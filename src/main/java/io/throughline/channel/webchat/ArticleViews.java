package io.throughline.channel.webchat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Help articles visitors opened from the widget, so self-service can be counted. */
@Repository
class ArticleViews {

    private final JdbcClient jdbc;

    ArticleViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String visitorId, String path) {
        jdbc.sql("insert into article_views (visitor_id, path, viewed_at) values (?, ?, ?)")
                .params(visitorId, path, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }
}
