-- Where a reply to an inbound message must go. A phone number says which WhatsApp or SMS recipient; an email thread
-- needs the Message-ID and References to continue; Slack needs the channel and the thread. Kept on the inbound message
-- because a customer can be reached at several addresses of the same kind.
alter table messages add column sender_identity varchar(340);   -- type:value, as in phone:+4915112345678
alter table messages add column reply_context varchar(4000);    -- JSON object of channel-specific routing fields
create index messages_conversation_channel on messages (conversation_id, channel, direction, seq);
