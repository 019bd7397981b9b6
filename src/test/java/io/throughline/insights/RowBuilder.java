package io.throughline.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A {@link ConversationRow} for tests of the measures: opened at a given moment, everything else off unless set. */
final class RowBuilder {

    private final Instant opened;
    private Instant resolved;
    private Instant firstResponse;
    private Instant handoff;
    private Instant agentReply;
    private String channel = "webchat";
    private String intent;
    private final List<String> journeys = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private boolean reopened;
    private boolean repeatContact;
    private boolean repeatedLater;
    private Integer csat;
    private boolean lead;
    private boolean booking;
    private boolean slaBreached;

    private RowBuilder(Instant opened) {
        this.opened = opened;
    }

    static RowBuilder openedAt(Instant opened) {
        return new RowBuilder(opened);
    }

    RowBuilder resolvedAfter(Duration after) {
        resolved = opened.plus(after);
        return this;
    }

    RowBuilder respondedAfter(Duration after) {
        firstResponse = opened.plus(after);
        return this;
    }

    RowBuilder handedOff(Instant at, String queue) {
        handoff = at;
        queues.add(queue);
        return this;
    }

    RowBuilder agentReplied(Instant at) {
        agentReply = at;
        return this;
    }

    RowBuilder channel(String name) {
        channel = name;
        return this;
    }

    RowBuilder intent(String name) {
        intent = name;
        return this;
    }

    RowBuilder journey(String key) {
        journeys.add(key);
        return this;
    }

    RowBuilder reopened() {
        reopened = true;
        return this;
    }

    RowBuilder repeatContact() {
        repeatContact = true;
        return this;
    }

    RowBuilder repeatedLater() {
        repeatedLater = true;
        return this;
    }

    RowBuilder rated(int score) {
        csat = score;
        return this;
    }

    RowBuilder lead() {
        lead = true;
        return this;
    }

    RowBuilder booking() {
        booking = true;
        return this;
    }

    RowBuilder slaBreached() {
        slaBreached = true;
        return this;
    }

    ConversationRow build() {
        return new ConversationRow(UUID.randomUUID(), UUID.randomUUID(), utc(opened), resolved == null ? "OPEN" : "RESOLVED",
                utc(resolved), resolved == null ? null : "answered", channel, List.of(channel), journeys, intent, queues, 1,
                utc(firstResponse), utc(handoff), handoff == null ? 0 : 1, utc(agentReply), reopened, repeatContact,
                repeatedLater, csat, null, lead, booking, slaBreached, 0);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
