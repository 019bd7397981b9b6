package io.throughline.channel.webchat;

import io.throughline.customer.IdentityType;
import io.throughline.customer.privacy.DataSubject;
import io.throughline.customer.privacy.ErasedCounts;
import io.throughline.customer.privacy.PersonalData;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The help articles a customer opened from the widget, by their visitor ids: in their export, and erased with them. */
@Component
class ArticleViewRecords implements PersonalData {

    private final JdbcClient jdbc;

    ArticleViewRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(DataSubject subject, Map<String, Object> export) {
        export.put("articleViews", subject.values(IdentityType.VISITOR).stream().flatMap(visitor -> jdbc.sql(
                        "select path, viewed_at from article_views where visitor_id = ? order by viewed_at")
                .param(visitor)
                .query((rs, n) -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("path", rs.getString(1));
                    view.put("viewedAt", rs.getObject(2, OffsetDateTime.class));
                    return view;
                }).list().stream()).toList());
    }

    @Override
    public void erase(DataSubject subject, ErasedCounts counts) {
        int removed = 0;
        for (String visitor : subject.values(IdentityType.VISITOR)) {
            removed += jdbc.sql("delete from article_views where visitor_id = ?").param(visitor).update();
        }
        counts.add("articleViews", removed);
    }
}
