package io.throughline.journey;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine's backlog, for an operator's alerts: jobs due and not yet run (journeys waiting for the job executor;
 * growing means the nodes cannot keep up), jobs out of retries, and open incidents. Counted when scraped, by the
 * engine's own count queries.
 */
@Component
class EngineBacklogGauges {

    EngineBacklogGauges(MeterRegistry meters, ManagementService management, RuntimeService runtime) {
        Gauge.builder("throughline.jobs.due", management, m -> m.createJobQuery().executable().active().count())
                .description("Journey jobs due and waiting for the job executor (the backlog)").register(meters);
        Gauge.builder("throughline.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Journey jobs out of retries (each is an incident in Cockpit)").register(meters);
        Gauge.builder("throughline.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents: failed jobs and replies a provider refused").register(meters);
    }
}
