package io.throughline.customer.privacy;

import static io.throughline.customer.privacy.ConsentTest.await;
import static io.throughline.support.Api.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.channel.ChannelTestBase;
import io.throughline.conversation.Resolutions;
import io.throughline.conversation.Retention;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention policy's deletion with a cutoff just after a resolved conversation's last message: that conversation
 * goes with its messages, timeline and the engine's instances and history; a newer resolved one and an open one stay.
 */
class RetentionTest extends ChannelTestBase {

    @Autowired
    Retention retention;
    @Autowired
    Resolutions resolutions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void resolvedConversationsWhoseLastMessageIsOlderThanTheCutoffGoWithTheirHistoryAndTheRestStays() throws Exception {
        UUID old = answered("How long does shipping take?");
        assertThat(resolutions.resolveUnlessCustomerWrote(old, "answered")).isTrue();
        UUID open = answered("Do you ship to Austria?");
        OffsetDateTime cutoff = lastMessageAt(open).plusNanos(1_000);
        UUID recent = answered("What does shipping cost?");
        while (!lastMessageAt(recent).isAfter(cutoff)) {
            recent = answered("What does shipping cost, please?");
        }
        assertThat(resolutions.resolveUnlessCustomerWrote(recent, "answered")).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(old.toString()).count())
                .as("its journey still waits: retention must end it").isPositive();

        Retention.Purged purged = retention.purge(cutoff);

        assertThat(purged.conversations()).isGreaterThanOrEqualTo(1);
        assertThat(purged.counts().asMap()).containsKeys("messages", "events", "conversations", "processInstances");
        assertThat(count("select count(*) from conversations where id = ?", old)).isZero();
        assertThat(count("select count(*) from messages where conversation_id = ?", old)).isZero();
        assertThat(count("select count(*) from conversation_events where conversation_id = ?", old)).isZero();
        assertThat(count("select count(*) from decisions where conversation_id = ?", old)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(old.toString()).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old.toString()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals("conversationId", old.toString())
                .count()).isZero();
        assertThat(count("select count(*) from conversations where id = ?", open)).as("open: kept").isEqualTo(1);
        assertThat(count("select count(*) from conversations where id = ?", recent)).as("resolved, but newer: kept")
                .isEqualTo(1);
        assertThat(count("select count(*) from messages where conversation_id = ?", recent)).isPositive();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recent.toString()).count())
                .isPositive();
    }

    /** A new visitor's conversation, once the bot's answer went out. */
    private UUID answered(String question) throws InterruptedException {
        var accepted = api.post("/api/webchat/" + UUID.randomUUID() + "/messages", message(question, "r-1"));
        UUID conversation = UUID.fromString(accepted.json().path("conversationId").asText());
        assertThat(await(() -> count("select count(*) from messages where conversation_id = ? and direction = 'OUT' "
                + "and delivery_status = 'SENT'", conversation) > 0
                && runtime.createExecutionQuery().processInstanceBusinessKey(conversation.toString())
                .messageEventSubscriptionName("CustomerWrote").count() == 1 ? Optional.of(true) : Optional.empty()))
                .as("the bot answered in " + conversation).isPresent();
        return conversation;
    }

    private OffsetDateTime lastMessageAt(UUID conversation) {
        return jdbc.sql("select max(created_at) from messages where conversation_id = ?").param(conversation)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }
}
