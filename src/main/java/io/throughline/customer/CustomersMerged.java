package io.throughline.customer;

import java.util.UUID;

/** Two customers became one, inside the merge's transaction: {@code absorbed} is empty now, pointing at {@code survivor}. */
public record CustomersMerged(UUID mergeId, UUID survivorId, UUID absorbedId) {}
