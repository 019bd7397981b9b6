package io.throughline.customer;

import java.util.UUID;

/** A merge was undone: what it moved from {@code absorbedId} to {@code survivorId} is back where it was. */
public record CustomerMergeUndone(UUID mergeId, UUID survivorId, UUID absorbedId) {}
