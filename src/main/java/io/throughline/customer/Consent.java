package io.throughline.customer;

import java.time.OffsetDateTime;

/** What the customer last said about messages to {@code identity} on {@code channel}: the keyword and when. */
public record Consent(Identity identity, String channel, boolean optedOut, String keyword, OffsetDateTime changedAt) {}
