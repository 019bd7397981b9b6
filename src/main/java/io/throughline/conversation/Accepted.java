package io.throughline.conversation;

import java.util.UUID;

/** The outcome of accepting an inbound message; {@code duplicate} means it had been accepted before and nothing new happened. */
public record Accepted(UUID customerId, UUID conversationId, UUID messageId, boolean duplicate) {}
