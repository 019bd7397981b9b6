package io.throughline.channel.webchat;

import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits, with a deadline, until a conversation's journey has read everything and stopped: waiting for the customer's
 * next message, or for an agent.
 */
final class JourneyWait {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private JourneyWait() {
    }

    static void awaitSettled(RuntimeService runtime, JdbcClient jdbc, String conversationId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(conversationId)
                    .messageEventSubscriptionName("CustomerWrote").count() == 1
                    || runtime.createExecutionQuery().processInstanceBusinessKey(conversationId)
                    .activityId("UserTask_Agent").count() == 1;
            int unread = jdbc.sql("select count(*) from messages where conversation_id = ? and direction = 'IN' "
                    + "and handled = false").param(java.util.UUID.fromString(conversationId)).query(Integer.class).single();
            if (waiting && unread == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the journey of conversation " + conversationId + " did not settle within " + PATIENCE);
    }
}
