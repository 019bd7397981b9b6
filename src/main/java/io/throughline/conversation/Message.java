package io.throughline.conversation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One message of a conversation, on whatever channel it travelled. {@code seq} orders the transcript; {@code visibleAt}
 * is when the customer could first see it (null for a reply not sent yet).
 */
public record Message(UUID id, long seq, UUID conversationId, Direction direction, Author author, String channel,
                      String providerMessageId, String text, List<MessageCitation> citations,
                      DeliveryStatus deliveryStatus, OffsetDateTime createdAt, OffsetDateTime visibleAt) {}
