package io.throughline.conversation;

import java.util.UUID;

/**
 * A customer merge (or its undo) moved messages nobody has read yet into this open conversation. Published inside that
 * transaction, like {@link MessageAccepted}, so the journey that has to read them is started or woken with it.
 */
public record UnreadMessagesMoved(UUID customerId, UUID conversationId) {}
