package io.throughline.customer.privacy;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The record an erasure leaves: its own id, when, by whom and how much went; nothing about whose data it was. */
public record Erasure(UUID id, OffsetDateTime erasedAt, String erasedBy, Map<String, Integer> counts) {}
