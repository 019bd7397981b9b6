package io.throughline.journey;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Looks at a conversation's journeys from outside (its wake-ups included, they share the conversation id as business
 * key): for tools that drive a conversation and must know when the journey has done all it will do for now, such as
 * the replay. A journey is idle when none of its jobs is due: it waits for the customer, an agent or a timer.
 */
@Service
public class JourneyProbe {

    private static final long POLL_MILLIS = 20;

    private final RuntimeService runtime;
    private final ManagementService management;

    JourneyProbe(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /**
     * Waits until the conversation's journeys have no job due. A job that failed and waits for its retry counts as
     * due: it will run again. One without retries left (an incident) does not.
     *
     * @return false when the journeys were still busy at the end of the timeout
     */
    public boolean awaitIdle(UUID conversationId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy(conversationId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** The failures of the conversation's journey jobs, as {@code activity: message}, retried or given up on. */
    public List<String> failures(UUID conversationId) {
        Set<String> instances = instances(conversationId);
        if (instances.isEmpty()) {
            return List.of();
        }
        return management.createJobQuery().processInstanceIds(instances).withException().list().stream()
                .map(job -> job.getFailedActivityId() + ": " + job.getExceptionMessage())
                .toList();
    }

    private boolean busy(UUID conversationId) {
        Set<String> instances = instances(conversationId);
        if (instances.isEmpty()) {
            return false;
        }
        return management.createJobQuery().processInstanceIds(instances).messages().withRetriesLeft().count() > 0
                || management.createJobQuery().processInstanceIds(instances).timers().withRetriesLeft()
                        .duedateLowerThenOrEquals(ClockUtil.getCurrentTime()).count() > 0;
    }

    private Set<String> instances(UUID conversationId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(conversationId.toString()).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
