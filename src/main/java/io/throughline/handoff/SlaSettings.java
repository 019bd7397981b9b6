package io.throughline.handoff;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How soon a person must answer a handoff ({@code throughline.handoff.sla.*}, ISO-8601 durations). The shortest that
 * applies wins: the default, the queue's, and every priority threshold the task's priority reaches.
 *
 * @param standard   {@code throughline.handoff.sla.default}: for every task
 * @param queues     per queue, e.g. {@code queues.vip: PT1H}
 * @param priorities per priority threshold, e.g. {@code priorities.80: PT2H} for tasks of priority 80 and up
 * @param escalateTo the candidate group added to a task whose SLA is breached
 * @param breachRaise how much a breach raises the task's priority (up to 100)
 */
@ConfigurationProperties("throughline.handoff.sla")
public record SlaSettings(@Name("default") @DefaultValue("PT8H") Duration standard, Map<String, Duration> queues,
                          Map<Integer, Duration> priorities, @DefaultValue("supervisors") String escalateTo,
                          @DefaultValue("20") int breachRaise) {

    public SlaSettings {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
    }
}
