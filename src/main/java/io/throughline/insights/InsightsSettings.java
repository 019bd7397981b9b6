package io.throughline.insights;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How insights count (settings {@code throughline.insights.*}).
 *
 * @param reopenWindow      a resolution without a person counts as contained only when the customer did not come back
 *                          within this window (Intercom and Zendesk use 72 hours)
 * @param repeatWindow      a conversation is a repeat contact when the same customer had one with the same intent
 *                          this long before
 * @param preSalesJourney   the process key whose conversations count for the pre-sales conversion
 * @param gapConfidence     answers below this confidence count as a content gap (the rules' answer threshold)
 * @param gapIgnoredIntents intents that are never a content gap (asking for a person is not missing knowledge)
 * @param gapSimilarity     cosine similarity from which two unanswered questions are grouped together
 * @param gapQuestions      how many distinct unanswered questions (the most frequent) a report groups
 * @param slaAtRisk         the share of an SLA target after which a waiting conversation is "at risk"
 * @param sla               per queue: the targets, measured in working hours unless {@code business-hours: false}
 * @param liveRefresh       how often the live gauges for Prometheus are recomputed
 * @param reportMaxAge      how long a report (KPIs, conversation rows, content gaps, journey steps) is reused before it
 *                          is read again; the live view is always current
 */
@ConfigurationProperties("throughline.insights")
public record InsightsSettings(@DefaultValue("PT72H") Duration reopenWindow, @DefaultValue("P7D") Duration repeatWindow,
                               @DefaultValue("pre-sales") String preSalesJourney,
                               @DefaultValue("0.55") double gapConfidence,
                               @DefaultValue("human") List<String> gapIgnoredIntents,
                               @DefaultValue("0.65") double gapSimilarity, @DefaultValue("300") int gapQuestions,
                               @DefaultValue("0.8") double slaAtRisk, Map<String, Sla> sla,
                               @DefaultValue("PT30S") Duration liveRefresh,
                               @DefaultValue("PT30S") Duration reportMaxAge) {

    /**
     * One queue's service levels.
     *
     * @param firstResponse from the handoff to the first reply of a person
     * @param resolution    from the customer's first message to the resolution
     * @param businessHours whether the clock stops outside {@code throughline.business-hours} (default true)
     */
    public record Sla(Duration firstResponse, Duration resolution, Boolean businessHours) {

        public Sla {
            businessHours = businessHours == null || businessHours;
        }
    }

    public InsightsSettings {
        gapIgnoredIntents = gapIgnoredIntents == null ? List.of() : List.copyOf(gapIgnoredIntents);
        sla = sla == null ? Map.of() : Map.copyOf(sla);
        require(!reopenWindow.isNegative() && !reopenWindow.isZero(), "reopen-window must be positive");
        require(!repeatWindow.isNegative() && !repeatWindow.isZero(), "repeat-window must be positive");
        require(gapConfidence >= 0 && gapConfidence <= 1, "gap-confidence must be between 0 and 1");
        require(gapSimilarity > 0 && gapSimilarity <= 1, "gap-similarity must be in (0, 1]");
        require(gapQuestions > 0, "gap-questions must be positive");
        require(slaAtRisk > 0 && slaAtRisk <= 1, "sla-at-risk must be in (0, 1]");
        require(!reportMaxAge.isNegative(), "report-max-age must not be negative");
    }

    /** The defaults, for tests and tools that run without Spring. */
    public static InsightsSettings defaults() {
        return new InsightsSettings(Duration.ofHours(72), Duration.ofDays(7), "pre-sales", 0.55, List.of("human"), 0.65,
                300, 0.8, Map.of(), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public InsightsSettings withSla(Map<String, Sla> targets) {
        return new InsightsSettings(reopenWindow, repeatWindow, preSalesJourney, gapConfidence, gapIgnoredIntents,
                gapSimilarity, gapQuestions, slaAtRisk, targets, liveRefresh, reportMaxAge);
    }

    /** The same settings with reports reused for {@code maxAge} (zero: every report is read afresh). */
    public InsightsSettings withReportMaxAge(Duration maxAge) {
        return new InsightsSettings(reopenWindow, repeatWindow, preSalesJourney, gapConfidence, gapIgnoredIntents,
                gapSimilarity, gapQuestions, slaAtRisk, sla, liveRefresh, maxAge);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("throughline.insights." + message);
        }
    }
}
