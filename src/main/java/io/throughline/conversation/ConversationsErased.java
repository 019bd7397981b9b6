package io.throughline.conversation;

import io.throughline.customer.privacy.ErasedCounts;
import java.util.List;
import java.util.UUID;

/**
 * These conversations are being erased (a customer's erasure, or retention): published inside the transaction before
 * their rows go, so a module keeping rows that refer to them (bookings, insights, the engine's instances and history)
 * deletes them first, in the same transaction. Listeners add what they removed to {@code counts}.
 */
public record ConversationsErased(List<UUID> conversationIds, ErasedCounts counts) {}
