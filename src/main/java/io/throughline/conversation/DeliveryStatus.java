package io.throughline.conversation;

/** Where a message stands on its way: inbound ones are RECEIVED; outbound ones go QUEUED, then SENT (and DELIVERED when the provider says so) or FAILED. */
public enum DeliveryStatus { RECEIVED, QUEUED, SENT, DELIVERED, FAILED }
