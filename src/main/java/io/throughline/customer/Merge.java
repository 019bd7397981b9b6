package io.throughline.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A recorded merge: who absorbed whom, for which proven identity, what moved, and whether it was undone. */
public record Merge(UUID id, UUID survivorId, UUID absorbedId, Identity identity, Proof proof, OffsetDateTime mergedAt,
                    OffsetDateTime undoneAt, String undoneBy, List<MergeMove> moves) {

    public boolean undone() {
        return undoneAt != null;
    }
}
