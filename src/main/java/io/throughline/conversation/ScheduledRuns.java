package io.throughline.conversation;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node of a cluster runs a scheduled task this time: the one whose update moves the task's {@code next_run_at}
 * forward while it is due. The others' updates then find it in the future and change nothing (PostgreSQL re-reads the
 * row after the winner commits), so every node may ask as often as it likes. No lock is held while the task runs: a
 * node that dies in it leaves the work to the next run, which is fine for work that can be done again. A task's row is
 * inserted by the migration that brings the task (V15 for retention).
 */
@Component
class ScheduledRuns {

    private final JdbcClient jdbc;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    ScheduledRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether this node is to run the task now */
    boolean claim(String task, Duration every) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbc.sql("update scheduled_runs set next_run_at = ?, last_run_by = ?, last_run_at = ? where name = ? "
                        + "and next_run_at <= ?")
                .params(now.plus(every), node, now, task, now).update() == 1;
    }

    void finished(String task, String result) {
        jdbc.sql("update scheduled_runs set last_result = ? where name = ?")
                .params(result.length() > 4000 ? result.substring(0, 4000) : result, task).update();
    }
}
