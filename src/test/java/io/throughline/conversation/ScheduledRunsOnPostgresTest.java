package io.throughline.conversation;

import io.throughline.support.Postgres;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The scheduled-run claim on PostgreSQL, where cluster nodes race for real, in a database of its own. */
class ScheduledRunsOnPostgresTest extends ScheduledRunsTests {

    @Override
    DataSource dataSource() {
        Postgres.Database database = Postgres.freshDatabase();
        return new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(), database.user(), database.password());
    }
}
