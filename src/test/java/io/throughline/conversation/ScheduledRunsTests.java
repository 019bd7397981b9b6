package io.throughline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes asking at the same moment whether to run a due task (each its own {@link ScheduledRuns} and its own
 * connections, on one database): exactly one is told yes, and nobody again until the task is due again.
 */
abstract class ScheduledRunsTests {

    private static final int NODES = 8;

    abstract DataSource dataSource();

    @Test
    void ofNodesAskingAtOnceExactlyOneRunsADueTaskAndNoneUntilItIsDueAgain() throws Exception {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String task = "race-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into scheduled_runs (name, next_run_at) values (?, timestamp with time zone '2000-01-01 00:00:00+00')")
                .param(task).update();

        assertThat(race(dataSource, task)).as("nodes told to run the due task").isEqualTo(1);
        assertThat(race(dataSource, task)).as("nodes told to run it again within the hour").isZero();

        jdbc.sql("update scheduled_runs set next_run_at = timestamp with time zone '2000-01-01 00:00:00+00' where name = ?")
                .param(task).update();
        assertThat(race(dataSource, task)).as("once it is due again").isEqualTo(1);
        assertThat(jdbc.sql("select last_run_by from scheduled_runs where name = ?").param(task).query(String.class)
                .single()).isNotBlank();
    }

    private static int race(DataSource dataSource, String task) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                ScheduledRuns node = new ScheduledRuns(JdbcClient.create(dataSource));
                answers.add(nodes.submit(() -> {
                    start.await();
                    return node.claim(task, Duration.ofHours(1));
                }));
            }
            start.countDown();
            int yes = 0;
            for (Future<Boolean> answer : answers) {
                yes += answer.get() ? 1 : 0;
            }
            return yes;
        } finally {
            nodes.shutdownNow();
        }
    }
}
