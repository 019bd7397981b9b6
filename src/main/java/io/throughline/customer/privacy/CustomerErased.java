package io.throughline.customer.privacy;

import java.util.List;
import java.util.UUID;

/**
 * A customer's data is being erased: published inside the erasure's transaction, after the modules' own rows went and
 * before it commits, so a listener (the journey, for the engine's history) erases in the same transaction or not at all.
 * Listeners add what they removed to {@code counts}.
 */
public record CustomerErased(UUID erasureId, List<UUID> customerIds, ErasedCounts counts) {}
