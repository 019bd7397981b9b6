package io.throughline.insights;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One row of {@code GET /api/insights/conversations} and of its CSV export. Times in seconds. */
public record ConversationSummary(UUID id, UUID customerId, OffsetDateTime openedAt, String status, String channel,
                                  List<String> channels, List<String> journeys, String intent, String queue,
                                  int customerMessages, Double firstResponseSeconds, boolean handedOff,
                                  OffsetDateTime handoffAt, Double humanFirstResponseSeconds, String firstResponseSla,
                                  OffsetDateTime resolvedAt, String resolution, Double resolutionSeconds,
                                  boolean contained, Integer csatScore, String csatComment, boolean reopened,
                                  boolean repeatContact, boolean leadCaptured, boolean bookingConfirmed) {

    static ConversationSummary of(ConversationRow row, Measures measures) {
        Measures.SlaState sla = measures.firstResponseSla(row);
        return new ConversationSummary(row.id(), row.customerId(), row.openedAt(), row.status(), row.channel(),
                row.channels(), row.journeys(), row.intent(), row.queue(), row.customerMessages(),
                seconds(row.firstResponse()), row.handedOff(), row.handoffAt(), seconds(measures.humanFirstResponse(row)),
                sla == Measures.SlaState.NONE ? null : sla.name().toLowerCase(), row.resolvedAt(), row.resolution(),
                seconds(row.timeToResolution()), measures.contained(row), row.csatScore(), row.csatComment(),
                row.reopened(), row.repeatContact(), row.leadCaptured(), row.bookingConfirmed());
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
