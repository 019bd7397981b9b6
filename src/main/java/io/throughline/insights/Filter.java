package io.throughline.insights;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Which conversations a report covers: those opened in {@code [from, to)}, narrowed by any of journey (one it entered),
 * channel (the one it started on), intent (of its first decision) and queue (one it was handed to); null means any.
 */
public record Filter(OffsetDateTime from, OffsetDateTime to, String journey, String channel, String intent, String queue) {

    public Filter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        journey = blankToNull(journey);
        channel = blankToNull(channel);
        intent = blankToNull(intent);
        queue = blankToNull(queue);
    }

    public static Filter between(OffsetDateTime from, OffsetDateTime to) {
        return new Filter(from, to, null, null, null, null);
    }

    public Filter journey(String key) {
        return new Filter(from, to, key, channel, intent, queue);
    }

    public Filter channel(String name) {
        return new Filter(from, to, journey, name, intent, queue);
    }

    public Filter intent(String name) {
        return new Filter(from, to, journey, channel, name, queue);
    }

    public Filter queue(String name) {
        return new Filter(from, to, journey, channel, intent, name);
    }

    public boolean matches(ConversationRow row) {
        return (journey == null || row.journeys().contains(journey))
                && (channel == null || channel.equals(row.channel()))
                && (intent == null || intent.equals(row.intent()))
                && (queue == null || row.queues().contains(queue));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
