package io.throughline.handoff;

import io.throughline.conversation.ConversationEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Service levels of handoffs: when an agent's task is due, and what a breach does. */
@Service
public class Slas {

    private static final Logger log = LoggerFactory.getLogger(Slas.class);
    static final int MAX_PRIORITY = 100;

    private final SlaSettings settings;
    private final ConversationEvents events;

    public Slas(SlaSettings settings, ConversationEvents events) {
        this.settings = settings;
        this.events = events;
    }

    /** The shortest SLA that applies to a task of this queue and priority. */
    public Duration slaFor(String queue, int priority) {
        Duration sla = settings.standard();
        Duration ofQueue = queue == null ? null : settings.queues().get(queue);
        if (ofQueue != null && ofQueue.compareTo(sla) < 0) {
            sla = ofQueue;
        }
        for (var threshold : settings.priorities().entrySet()) {
            if (priority >= threshold.getKey() && threshold.getValue().compareTo(sla) < 0) {
                sla = threshold.getValue();
            }
        }
        return sla;
    }

    /**
     * When the task is due: the due date the rules set (outside business hours, the next opening), else now plus the
     * SLA. A due date the rules wrote that is not ISO-8601 is logged and the SLA applies.
     */
    public Instant dueDate(String queue, int priority, String rulesDueDate, Instant now) {
        if (rulesDueDate != null && !rulesDueDate.isBlank()) {
            try {
                return OffsetDateTime.parse(rulesDueDate.strip()).toInstant();
            } catch (DateTimeParseException e) {
                log.warn("the rules set dueDate '{}', which is not an ISO-8601 date-time with offset; the SLA applies",
                        rulesDueDate);
            }
        }
        return now.plus(slaFor(queue, priority));
    }

    /** What a breach does to the task: its new priority and the group that now sees it too. */
    public record Breach(int priority, String escalateTo) {}

    /** Records SLA_BREACHED on the conversation and says how the task escalates. */
    public Breach breached(UUID conversationId, String queue, int priority, String due) {
        int raised = Math.min(MAX_PRIORITY, priority + settings.breachRaise());
        events.record(conversationId, ConversationEvents.Type.SLA_BREACHED, null,
                "{\"queue\":\"" + queue + "\",\"priority\":" + priority + ",\"raisedTo\":" + raised + ",\"due\":\""
                        + due + "\",\"escalatedTo\":\"" + settings.escalateTo() + "\"}");
        return new Breach(raised, settings.escalateTo());
    }
}
