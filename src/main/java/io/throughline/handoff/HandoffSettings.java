package io.throughline.handoff;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an agent's task reads.
 *
 * @param suggestFromConfidence the bot's answer is offered as a suggested reply from this confidence on. Confidence is
 *                              calibrated (about that share of answers cite the right source): below 0.30 fewer than
 *                              one suggestion in three would be worth keeping. Kept under the rules' 0.40, below which
 *                              the bot does not answer by itself: that is where a person with a draft helps most. The
 *                              answer still shows under "What the AI answered" whatever its confidence
 * @param timeZone              the zone of the times in the task's transcript and due date, e.g. {@code Europe/Berlin}
 */
@ConfigurationProperties("throughline.handoff")
public record HandoffSettings(@DefaultValue("0.30") double suggestFromConfidence, @DefaultValue("UTC") String timeZone) {

    public HandoffSettings {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("throughline.handoff.time-zone: \"" + timeZone
                    + "\" is not a time zone; use a region such as Europe/Berlin, or UTC", e);
        }
    }

    public static HandoffSettings defaults() {
        return new HandoffSettings(0.30, "UTC");
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
