-- Data protection: channel consent, a record of each erasure without personal data, and a claim row per scheduled
-- task so that one node of a cluster runs it. Runs unchanged on PostgreSQL and H2.

-- What a customer said about being contacted at one address on one channel: STOP (opted out) or START. Kept per
-- identity, not per customer, so it follows the address through merges; SMS and WhatsApp share a phone but not consent.
create table channel_consents (
    identity_type  varchar(16)  not null,
    identity_value varchar(320) not null,
    channel        varchar(32)  not null,
    opted_out      boolean      not null,
    keyword        varchar(32)  not null,          -- what the customer sent: STOP, UNSUBSCRIBE, START...
    changed_at     timestamp with time zone not null,
    primary key (identity_type, identity_value, channel)
);

-- That an erasure happened, by whom and how much it removed; nothing that names the customer. subject_hash is the
-- SHA-256 of the erased customer's id, so asking again for that id can say it was erased.
create table customer_erasures (
    id           uuid primary key,
    subject_hash varchar(64)  not null,
    erased_at    timestamp with time zone not null,
    erased_by    varchar(200) not null,
    counts       varchar(4000) not null            -- JSON object: what was removed, how many of each
);
create index customer_erasures_subject on customer_erasures (subject_hash);

-- One row per scheduled task; the node that moves next_run_at forward runs it, the others see it moved.
create table scheduled_runs (
    name        varchar(64) primary key,
    next_run_at timestamp with time zone not null,
    last_run_by varchar(200),
    last_run_at timestamp with time zone,
    last_result varchar(4000)
);
insert into scheduled_runs (name, next_run_at) values ('retention', timestamp with time zone '2000-01-01 00:00:00+00');
