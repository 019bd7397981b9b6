package io.throughline.journey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The journeys' other waits ({@code throughline.journey.timers.*}, ISO-8601 durations), handed to each conversation's
 * journey as variables when it starts, so a demo or a test can shorten them. An empty value turns that step off.
 *
 * @param followUpAfter           quiet this long, the customer gets one follow-up on their preferred channel (then the
 *                                idle timeout runs before the conversation resolves)
 * @param csatTimeout             how long a resolved conversation waits for the customer's rating before it closes
 * @param onboardingChecklistAfter the onboarding checklist follows the welcome after this long (day 1)
 * @param onboardingNudgeAfter    a nudge follows the checklist after this long while it is not done (day 3)
 */
@ConfigurationProperties("throughline.journey.timers")
public record JourneyTimers(@DefaultValue("PT4H") String followUpAfter, @DefaultValue("PT24H") String csatTimeout,
                            @DefaultValue("P1D") String onboardingChecklistAfter,
                            @DefaultValue("P2D") String onboardingNudgeAfter) {}
