package io.throughline.customer;

import java.util.UUID;

/** A proven identity now belongs to {@code customerId}; {@code mergeId} is set when two customers became one for it. */
public record Linked(UUID customerId, Identity identity, UUID mergeId) {

    public boolean merged() {
        return mergeId != null;
    }
}
