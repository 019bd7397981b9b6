package io.throughline.insights;

import io.throughline.journey.JourneySteps;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Where journeys stall: per BPMN step how many conversations reached it, how long they waited there and where they
 * left (from the engine's history, through {@link JourneySteps}), and whether a channel switch carried them on. A
 * report is reused for {@code report-max-age}: on a million messages the engine's statistics take a second to read.
 */
@Service
public class JourneyStalls {

    public record Report(String key, OffsetDateTime from, OffsetDateTime to, long started, long completed, long running,
                         List<JourneySteps.Step> steps, ChannelTransfers.Outcome channelSwitches) {}

    private final JourneySteps journeys;
    private final ChannelTransfers switches;
    private final Recent<Optional<Report>> recent;

    JourneyStalls(JourneySteps journeys, ChannelTransfers switches, InsightsSettings settings) {
        this.journeys = journeys;
        this.switches = switches;
        this.recent = new Recent<>(settings.reportMaxAge(), 32);
    }

    public List<JourneySteps.Journey> journeys() {
        return journeys.journeys();
    }

    public Optional<String> diagram(String key) {
        return journeys.diagram(key);
    }

    public Optional<Report> report(String key, OffsetDateTime from, OffsetDateTime to) {
        return recent.get(key + "|" + from.toInstant() + "|" + to.toInstant(), () -> journeys.activityStats(key,
                from.toInstant(), to.toInstant()).map(stats -> new Report(key, from, to, stats.started(),
                stats.completed(), stats.running(), stats.steps(), switches.of(key, from, to))));
    }
}
