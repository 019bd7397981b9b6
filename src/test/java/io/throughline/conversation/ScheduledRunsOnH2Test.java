package io.throughline.conversation;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The scheduled-run claim on H2, in memory. */
class ScheduledRunsOnH2Test extends ScheduledRunsTests {

    @Override
    DataSource dataSource() {
        return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:runs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }
}
