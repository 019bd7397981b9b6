-- Insights: the indexes its reports need, and its own read model. Runs unchanged on PostgreSQL and H2.

-- Conversations by the time they opened (every report's range), a customer's conversations in time (reopens, repeat
-- contacts), the open ones (the live view); decisions by time (content gaps) and by action (channel switches).
create index conversations_opened on conversations (opened_at);
create index conversations_customer_opened on conversations (customer_id, opened_at);
create index conversations_status on conversations (status, opened_at);
create index decisions_decided on decisions (decided_at);
create index decisions_action on decisions (action, decided_at);

-- One row per conversation, folded from its timeline (conversation_events) and its first decision's intent by
-- io.throughline.insights.ConversationSummaries, so a report reads one row per conversation instead of every event.
-- Status, resolution and customer are read from conversations itself, where merges change them.
create table insights_conversations (
    conversation_id   uuid primary key,
    intent            varchar(64),
    channel           varchar(32),        -- the channel the customer first wrote on
    channels          varchar(1000),      -- every channel the customer wrote on, in order of first use, one per line
    journeys          varchar(2000),      -- the journeys it entered (process keys), in order, one per line
    queues            varchar(1000),      -- the queues it was handed to, in order, one per line
    customer_messages integer not null,
    first_response_at timestamp with time zone,
    handoff_at        timestamp with time zone,
    handoffs          integer not null,
    agent_reply_at    timestamp with time zone,
    reopened_at       timestamp with time zone,
    csat_score        integer,
    csat_comment      varchar(4000),
    lead_captured     boolean not null,
    booking_confirmed boolean not null,
    sla_breached      boolean not null,
    follow_ups        integer not null,
    last_event_at     timestamp with time zone
);

-- How far the fold has read: the last event and decision ids taken in (one row; locked while folding, so nodes of a
-- cluster take turns).
create table insights_folds (
    name             varchar(32) primary key,
    last_event_id    bigint not null,
    last_decision_id bigint not null,
    folded_at        timestamp with time zone
);
insert into insights_folds (name, last_event_id, last_decision_id) values ('conversations', 0, 0);
