package io.throughline.conversation;

import java.time.OffsetDateTime;

/** An agent's internal note on a conversation: kept on its timeline, shown to agents, never sent to the customer. */
public record AgentNote(OffsetDateTime at, String text) {}
