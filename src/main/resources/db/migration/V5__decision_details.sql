-- What a decision asks of the journey beyond its action: the details to ask for, the channel to go on with (and what
-- happens there), when a person follows up, and when the business next opens if it was closed. Runs on PostgreSQL and H2.
alter table decisions add column missing_details varchar(1000) default '[]' not null;  -- JSON array: orderNumber, device...
alter table decisions add column switch_to varchar(32);                                -- SWITCH_CHANNEL: the channel
alter table decisions add column after_switch varchar(32);                             -- SWITCH_CHANNEL: the action there
alter table decisions add column follow_up_at timestamp with time zone;                -- FOLLOW_UP: when
alter table decisions add column next_opening timestamp with time zone;                -- null: decided while open
