package io.throughline.insights;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import io.throughline.support.Postgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A fresh in-memory H2 database migrated with the app's own migrations, and insights' readers on it. */
final class InsightsDatabase {

    final DataSource dataSource;
    final JdbcClient jdbc;

    /** In-memory H2. */
    InsightsDatabase() {
        this(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:insights-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    /** A database of its own on the PostgreSQL server the tests use (or the test is skipped, see {@link Postgres}). */
    static InsightsDatabase postgres() {
        Postgres.Database db = Postgres.freshDatabase();
        return new InsightsDatabase(new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(), db.user(),
                db.password()));
    }

    private InsightsDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    /** Empties what the insights tests write, for a database shared by the tests of a class. */
    InsightsDatabase clear() {
        for (String table : new String[] {"insights_conversations", "conversation_events", "decisions", "messages",
                "article_views", "conversations", "customer_identities", "customers"}) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("update insights_folds set last_event_id = 0, last_decision_id = 0").update();
        return this;
    }

    ConversationSummaries summaries() {
        return new ConversationSummaries(dataSource, Duration.ofSeconds(30), Clock.systemUTC());
    }

    ConversationRows rows(InsightsSettings settings) {
        return new ConversationRows(jdbc, summaries(), settings);
    }
}
