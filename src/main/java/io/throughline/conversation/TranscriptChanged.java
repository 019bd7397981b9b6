package io.throughline.conversation;

import java.util.UUID;

/** A message became visible in a conversation: a customer's message accepted, or a reply sent. Live views listen after commit. */
public record TranscriptChanged(UUID customerId, UUID conversationId, UUID messageId) {}
