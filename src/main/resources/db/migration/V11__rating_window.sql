-- A resolved conversation whose customer was asked for a rating takes a rating given until then; anything else the
-- customer writes opens a new conversation (a conversation ends when it is resolved).
alter table conversations add column rating_until timestamp with time zone;
