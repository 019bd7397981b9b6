package io.throughline.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a Throughline database on PostgreSQL (migrated by Flyway, Camunda's tables created and general-support
 * deployed by the app) with conversations as the channels, journeys and rules would have recorded them, in set-based
 * SQL ({@code insert ... select ... generate_series}): customers with a visitor identity, conversations over the last
 * {@code days} days, their messages, timeline events and decisions, help-article views, and the general-support
 * journey's Camunda history (one pass through the process per conversation).
 *
 * <p>Shape: 55 % answered by the bot, 30 % handed to a person (support, billing, sales, vip), 12 % resolved when the
 * customer went quiet, 3 % still open (opened in the last two days); 5 % switch channel half-way; 20 % pre-sales, 10 %
 * troubleshooting, 5 % booking after general support; a decision per customer message, 30 % of them below the answer
 * threshold, on questions from a pool of a few thousand distinct texts.
 */
final class InsightsVolume {

    private static final String[] STEPS = {
            // n, activity, type, name, start offset after the instance start (ms), duration (ms), path
            // path: all, bot (bot and quiet and open answer), agent, end (resolved), wait
            "1, 'StartEvent_CustomerWrote', 'startEvent', 'Customer wrote', 0, 0, 'all'",
            "2, 'Task_ReadMessages', 'serviceTask', 'Read the customer''s messages', 40, 25, 'all'",
            "3, 'Gateway_WithAgent', 'exclusiveGateway', 'Agent on it?', 70, 0, 'all'",
            "4, 'Task_ClassifyIntent', 'serviceTask', 'Classify intent', 80, 110, 'all'",
            "5, 'Task_FindAnswer', 'serviceTask', 'Find an answer in the knowledge base', 200, 650, 'all'",
            "6, 'Task_Decide', 'businessRuleTask', 'Decide (rules/)', 860, 45, 'all'",
            "7, 'Gateway_Action', 'exclusiveGateway', 'Action?', 910, 0, 'all'",
            "8, 'Task_ComposeAnswer', 'serviceTask', 'Reply with the cited answer', 920, 20, 'bot'",
            "8, 'Task_AnnounceHandoff', 'serviceTask', 'Tell the customer a person is coming', 920, 20, 'agent'",
            "9, 'Task_SendHandoffNotice', 'serviceTask', 'Send the notice', 950, 300, 'agent'",
            "10, 'UserTask_Agent', 'userTask', 'Reply to the customer', 1260, -1, 'agent'",
            "11, 'Gateway_Outcome', 'exclusiveGateway', 'Agent''s outcome?', 0, 0, 'agent-after'",
            "12, 'Task_RecordAgentReply', 'serviceTask', 'Record the agent''s reply', 10, 20, 'agent-after'",
            "13, 'Gateway_JoinReply', 'exclusiveGateway', null, 950, 0, 'bot'",
            "14, 'Task_SendReply', 'serviceTask', 'Send the reply', 960, 280, 'bot'",
            "15, 'Gateway_AfterSend', 'exclusiveGateway', 'Resolve now?', 1250, 0, 'bot'",
            "16, 'Task_CheckForNewMessages', 'serviceTask', 'Check for new messages', 1260, 15, 'bot'",
            "17, 'Gateway_Unread', 'exclusiveGateway', 'Unread messages?', 1280, 0, 'bot'",
            "18, 'Gateway_Wait', 'eventBasedGateway', null, 1290, -2, 'bot'",
            "19, 'Event_Quiet', 'intermediateTimer', 'Customer went quiet', 1290, -2, 'quiet'",
            "19, 'Event_CustomerWroteAgain', 'intermediateMessageCatch', 'Customer wrote again', 1290, -2, 'quiet-cancel'",
            "20, 'Task_ResolveQuiet', 'serviceTask', 'Record the resolution', -3, 30, 'quiet'",
            "20, 'Task_ResolveByAgent', 'serviceTask', 'Record the agent''s resolution', -3, 30, 'agent-end'",
            "21, 'Gateway_Resolved', 'exclusiveGateway', 'Resolved?', -3, 0, 'end'",
            "22, 'EndEvent_Resolved', 'noneEndEvent', 'Conversation resolved', -3, 0, 'end'",
    };

    private final int conversations;
    private final int messagesPerConversation;
    private final int customers;
    private final int days;

    InsightsVolume(int conversations, int messagesPerConversation, int days) {
        this.conversations = conversations;
        this.messagesPerConversation = messagesPerConversation;
        this.customers = Math.max(1, conversations * 2 / 5);
        this.days = days;
    }

    /** The statements, in order, with a label each for the timing printout. */
    List<String[]> statements(String processDefinitionId) {
        List<String[]> sql = new ArrayList<>();
        sql.add(new String[] {"plan", """
                create temp table bench_c as
                select g as n,
                       md5('conv' || g)::uuid as id,
                       md5('cust' || (g %% %2$d))::uuid as customer_id,
                       k.kind,
                       case when k.kind = 'open' then now() - random() * interval '2 days'
                            else now() - interval '2 days' - random() * interval '%3$d days' end as opened,
                       (array['webchat','webchat','webchat','webchat','webchat','webchat','webchat','webchat',
                              'whatsapp','whatsapp','whatsapp','whatsapp','whatsapp','email','email','email',
                              'sms','sms','messenger','telegram'])[1 + (g * 7) %% 20] as channel,
                       g %% 20 = 0 as switched,
                       (array['shipping','order-status','returns','refund','billing','pricing','grinder-broken',
                              'subscription','gift-cards','tasting-booking','wholesale','beans','brewing','account',
                              'delivery-address','invoice','discount','stock','warranty','human'])[1 + (g * 13) %% 20]
                           as intent,
                       case when g %% 10 < 2 then 'pre-sales' when g %% 10 = 2 then 'troubleshooting'
                            when g %% 10 = 3 then 'booking' end as journey,
                       (array['support','billing','sales','vip'])[1 + g %% 4] as queue,
                       1 + random() * 7 as first_response_s,
                       2 + random() * 118 as agent_wait_min,
                       5 + random() * 55 as bot_resolve_min
                from generate_series(1, %1$d) g,
                     lateral (select case when g %% 100 < 55 then 'bot' when g %% 100 < 85 then 'agent'
                                          when g %% 100 < 97 then 'quiet' else 'open' end as kind) k
                """.formatted(conversations, customers, days)});
        sql.add(new String[] {"customers", """
                insert into customers (id, attributes, created_at)
                select md5('cust' || k)::uuid, '{"plan":"' || (array['free','pro','business'])[1 + k %% 3] || '"}',
                       now() - interval '400 days'
                from generate_series(0, %1$d - 1) k;
                insert into customer_identities (identity_type, identity_value, customer_id, verified, created_at)
                select 'visitor', 'v-' || k, md5('cust' || k)::uuid, false, now() - interval '400 days'
                from generate_series(0, %1$d - 1) k
                """.formatted(customers)});
        sql.add(new String[] {"conversations", """
                insert into conversations (id, customer_id, status, opened_at, resolved_at, resolution)
                select id, customer_id, case when kind = 'open' then 'OPEN' else 'RESOLVED' end, opened,
                       case kind when 'bot' then opened + bot_resolve_min * interval '1 minute'
                                 when 'agent' then opened + interval '2 minutes' + agent_wait_min * interval '1 minute'
                                                          + interval '10 minutes'
                                 when 'quiet' then opened + interval '24 hours 8 minutes' end,
                       case kind when 'bot' then 'answered' when 'agent' then 'agent' when 'quiet' then 'inactivity' end
                from bench_c"""});
        sql.add(new String[] {"messages", """
                insert into messages (id, conversation_id, direction, author, channel, text, delivery_status, handled,
                                      created_at, visible_at)
                select md5('msg' || c.n || '-' || k)::uuid, c.id,
                       case when k %% 2 = 1 then 'IN' else 'OUT' end,
                       case when k %% 2 = 1 then 'customer' when c.kind = 'agent' and k > 4 then 'agent' else 'bot' end,
                       case when c.switched and k > %1$d / 2 then 'email' else c.channel end,
                       case when k %% 2 = 1 then replace(
                           (array['Do you ship to %%s?', 'Can you deliver to %%s?', 'How much is shipping to %%s?',
                                  'Where is my order %%s?', 'My order %%s has not arrived', 'Can I return the %%s?',
                                  'How do I get a refund for the %%s?', 'Is the %%s in stock?',
                                  'Do you sell %%s gift cards?', 'Can I book a tasting on %%s?',
                                  'My grinder makes a noise when %%s', 'How do I descale the %%s?',
                                  'Can I change my subscription to %%s?', 'Do you offer a discount for %%s?',
                                  'Is the %%s compatible with pods?', 'I want to talk to a person about %%s'])
                               [1 + (c.n * 31 + k) %% 16], '%%s',
                           -- a place or thing, so the pool holds some 1,300 distinct questions
                           (array['Norway','Sweden','Belgium','the espresso machine','the grinder','Friday',
                                  'order 10442','the V60','decaf','the kettle','Brazil beans','my birthday','the office',
                                  'Monday','the milk frother','oat milk','the starter kit','Japan','Canada',
                                  'the travel mug'])[1 + (c.n * 17 + k * 3) %% 20]
                           || case when (c.n + k) %% 7 = 0 then ' please' else '' end
                           || case when (c.n + k) %% 11 = 0 then ' (again)' else '' end)
                       else 'Here is what I found about that, with the sources below.' end,
                       case when k %% 2 = 1 then 'RECEIVED' else 'DELIVERED' end, true,
                       c.opened + (k - 1) * interval '45 seconds', c.opened + (k - 1) * interval '45 seconds'
                from bench_c c cross join generate_series(1, %1$d) k""".formatted(messagesPerConversation)});
        sql.add(new String[] {"timeline: messages", """
                insert into conversation_events (conversation_id, event_type, channel, detail, occurred_at)
                select conversation_id, case direction when 'IN' then 'MESSAGE_IN' else 'MESSAGE_OUT' end, channel,
                       case when direction = 'OUT' then author end, created_at
                from messages"""});
        sql.add(new String[] {"timeline: the rest", """
                insert into conversation_events (conversation_id, event_type, channel, detail, occurred_at)
                select id, 'FIRST_RESPONSE', channel, 'bot', opened + first_response_s * interval '1 second' from bench_c
                union all
                select id, 'JOURNEY_STARTED', channel, 'general-support', opened from bench_c
                union all
                select id, 'JOURNEY_STARTED', channel, journey, opened + interval '30 seconds' from bench_c
                where journey is not null
                union all
                select id, 'HANDOFF', null, queue || ': customer asked for a person', opened + interval '2 minutes'
                from bench_c where kind = 'agent'
                union all
                select id, 'AGENT_REPLY', channel, null,
                       opened + interval '2 minutes' + agent_wait_min * interval '1 minute' from bench_c
                where kind = 'agent'
                union all
                select c.id, 'RESOLVED', null, v.resolution, v.resolved_at from bench_c c
                join conversations v on v.id = c.id where c.kind <> 'open'
                union all
                select c.id, 'CSAT', c.channel, '{"score":' || (1 + (c.n * 3) %% 5) || ',"comment":"'
                       || (array['quick and kind','still waiting for my parcel','perfect','meh','thanks!'])[1 + c.n %% 5]
                       || '"}', v.resolved_at + interval '5 minutes'
                from bench_c c join conversations v on v.id = c.id where c.kind <> 'open' and c.n %% 4 = 0
                union all
                select id, 'LEAD_CAPTURED', channel, null, opened + interval '6 minutes' from bench_c
                where journey = 'pre-sales' and n %% 3 = 0
                union all
                select id, 'BOOKING_CONFIRMED', channel, null, opened + interval '7 minutes' from bench_c
                where (journey = 'pre-sales' and n %% 7 = 0) or (journey = 'booking' and n %% 2 = 0)
                union all
                select c.id, 'REOPENED', null, null, v.resolved_at + interval '3 hours' from bench_c c
                join conversations v on v.id = c.id where c.kind <> 'open' and c.n %% 33 = 0
                union all
                select id, 'SLA_BREACHED', null, queue, opened + interval '1 hour' from bench_c
                where kind = 'agent' and n %% 17 = 0
                union all
                select id, 'FOLLOW_UP', channel, null, opened + interval '23 hours' from bench_c
                where kind = 'quiet' and n %% 2 = 0""".formatted()});
        sql.add(new String[] {"decisions", """
                insert into decisions (conversation_id, action, queue, priority, intent, intent_score, confidence,
                                       reasons, rules_fired, decided_at)
                select c.id,
                       case when c.n %% 50 = 0 and k = 1 then 'SWITCH_CHANNEL'
                            when x.confidence >= 0.55 then 'ANSWER'
                            when c.kind = 'agent' then 'ESCALATE' else 'GATHER_DETAILS' end,
                       case when c.kind = 'agent' and x.confidence < 0.55 then c.queue end, 0, c.intent, 0.8,
                       x.confidence,
                       case when x.confidence < 0.4 then '["no answer found in the knowledge base"]'
                            else '["answer confidence meets the threshold"]' end,
                       '["Confident answer"]', c.opened + (k - 1) * interval '45 seconds' + interval '1 second'
                from bench_c c cross join generate_series(1, %d, 2) k,
                     lateral (select case when (c.n * 37 + k * 11) %% 100 < 30 then ((c.n * 37 + k * 11) %% 100) / 57.0
                                          else 0.55 + ((c.n * 37 + k * 11) %% 100 - 30) / 160.0 end as confidence) x"""
                .formatted(messagesPerConversation)});
        sql.add(new String[] {"article views", """
                insert into article_views (visitor_id, path, viewed_at)
                select 'v-' || (k %% %d), (array['shipping.md','returns.md','brewing.md','subscriptions.md'])[1 + k %% 4],
                       now() - random() * interval '%d days'
                from generate_series(1, %d) k""".formatted(customers, days + 2, conversations / 2)});
        sql.add(new String[] {"camunda: process instances", """
                insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
                                             end_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
                select 'bpi-' || c.n, 'bpi-' || c.n, c.id::text, 'general-support', '%1$s', c.opened, v.resolved_at,
                       (extract(epoch from v.resolved_at - c.opened) * 1000)::bigint, 'StartEvent_CustomerWrote',
                       case when v.resolved_at is not null then 'EndEvent_Resolved' end, 'bpi-' || c.n,
                       case when v.resolved_at is null then 'ACTIVE' else 'COMPLETED' end
                from bench_c c join conversations v on v.id = c.id""".formatted(processDefinitionId)});
        sql.add(new String[] {"camunda: activity instances", """
                insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
                                            proc_inst_id_, execution_id_, act_id_, act_name_, act_type_, start_time_,
                                            end_time_, duration_, act_inst_state_, sequence_counter_)
                select 'bai-' || c.n || '-' || s.act, 'bpi-' || c.n, 'general-support', '%1$s', 'bpi-' || c.n,
                       'bpi-' || c.n, 'bpi-' || c.n, s.act, s.name, s.type, t.started, t.ended,
                       (extract(epoch from t.ended - t.started) * 1000)::bigint,
                       case when s.path = 'quiet-cancel' then 2 when s.act = 'EndEvent_Resolved' then 1 else 0 end, s.n
                from bench_c c
                join conversations v on v.id = c.id
                cross join (values %2$s) as s(n, act, type, name, offset_ms, duration_ms, path)
                cross join lateral (select
                    case when s.offset_ms = -3 then v.resolved_at
                         when s.path = 'agent-after' then c.opened + interval '2 minutes'
                                                          + c.agent_wait_min * interval '1 minute'
                                                          + s.offset_ms * interval '1 millisecond'
                         when c.kind = 'agent' and s.n >= 13 then c.opened + interval '2 minutes'
                                                          + c.agent_wait_min * interval '1 minute'
                                                          + s.offset_ms * interval '1 millisecond'
                         else c.opened + s.offset_ms * interval '1 millisecond' end as started) st
                cross join lateral (select st.started,
                    case when s.duration_ms = -1 then c.opened + interval '2 minutes'
                                                      + c.agent_wait_min * interval '1 minute'
                         when s.duration_ms = -2 then v.resolved_at - interval '30 milliseconds'
                         else st.started + s.duration_ms * interval '1 millisecond' end as ended) t
                where (s.path = 'all'
                       or (s.path = 'bot')
                       or (s.path in ('agent', 'agent-after', 'agent-end') and c.kind = 'agent')
                       or (s.path in ('quiet', 'quiet-cancel') and c.kind in ('bot', 'quiet'))
                       or (s.path = 'end' and c.kind <> 'open'))
                  and not (s.path = 'bot' and c.kind = 'agent' and s.act = 'Task_ComposeAnswer')
                  and not (c.kind = 'open' and s.n > 18)""".formatted(processDefinitionId, String.join(", ",
                java.util.Arrays.stream(STEPS).map(step -> "(" + step + ")").toList()))});
        // what autovacuum would have done by the time anyone looks: statistics, and the visibility map that lets the
        // engine's statistics query read its index alone
        sql.add(new String[] {"vacuum analyze", "vacuum analyze"});
        return sql;
    }

    static void run(Connection connection, String label, String sql) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (String part : sql.split(";\n")) {
                statement.execute(part);
            }
        }
        System.out.printf("  %-32s %7.1f s%n", label, (System.nanoTime() - start) / 1e9);
    }
}
