package io.throughline.conversation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer's conversation, across every channel they use, until it is resolved. {@code mergedInto} names the open
 * conversation a customer merge moved its messages to; null otherwise.
 */
public record Conversation(UUID id, UUID customerId, Status status, OffsetDateTime openedAt,
                           OffsetDateTime resolvedAt, String resolution, UUID mergedInto) {

    public enum Status { OPEN, RESOLVED }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
