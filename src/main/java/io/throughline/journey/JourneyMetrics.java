package io.throughline.journey;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What journeys report while they run (at /actuator/prometheus): replies put on a channel, sends that failed, and how
 * confident the answerer was. The engine's backlog is {@link EngineBacklogGauges}.
 */
@Component
class JourneyMetrics {

    private final MeterRegistry meters;
    private final DistributionSummary confidence;

    JourneyMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.confidence = DistributionSummary.builder("throughline.answer.confidence")
                .description("Confidence of the answerer's attempts (0-1), answered or not")
                .serviceLevelObjectives(0.3, 0.55, 0.75, 0.9)
                .register(meters);
    }

    void answered(double score) {
        confidence.record(score);
    }

    void replied(String channel) {
        Counter.builder("throughline.replies.sent").description("Replies handed to their channel's provider, by channel")
                .tag("channel", channel).register(meters).increment();
    }

    /** @param outcome {@code retry} (the engine tries again), {@code gave-up} (last try) or {@code refused} (a 4xx) */
    void sendFailed(String channel, String outcome) {
        Counter.builder("throughline.send.failures").description("Failed sends, by channel and what happens next")
                .tag("channel", channel).tag("outcome", outcome).register(meters).increment();
    }
}
