package io.throughline.conversation;

import java.util.UUID;

/**
 * Published inside accept's transaction, so whoever starts or wakes the journey does it in that same transaction:
 * either both the message and the journey's job are stored, or neither.
 */
public record MessageAccepted(UUID customerId, UUID conversationId, UUID messageId, String channel) {}
