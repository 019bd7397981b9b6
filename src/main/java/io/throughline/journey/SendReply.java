package io.throughline.journey;

import io.throughline.channel.Outbox;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the recorded reply on its channel. An async step: a failure is retried by the engine with growing pauses, the
 * last one leaves the reply FAILED and an incident in Cockpit. A provider's final "no" (a 4xx) is not retried: the
 * reply is FAILED at once and an incident of type {@value #SEND_REFUSED} says why, while the journey goes on.
 */
@Component("sendReply")
class SendReply implements JavaDelegate {

    static final String SEND_REFUSED = "sendRefused";
    private static final Logger log = LoggerFactory.getLogger(SendReply.class);

    private final Outbox outbox;
    private final Messages messages;
    private final JourneyMetrics metrics;

    SendReply(Outbox outbox, Messages messages, JourneyMetrics metrics) {
        this.outbox = outbox;
        this.messages = messages;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        UUID messageId = UUID.fromString(Steps.string(execution, GeneralSupport.Var.REPLY_MESSAGE_ID));
        String channel = messages.find(messageId).map(Message::channel).orElse("unknown");
        Optional<String> refused;
        try {
            refused = outbox.send(messageId);
        } catch (Exception e) {
            boolean last = lastAttempt(execution);
            if (last) {
                outbox.gaveUp(messageId);
            }
            metrics.sendFailed(channel, last ? "gave-up" : "retry");
            throw e;
        }
        if (refused.isPresent()) {
            metrics.sendFailed(channel, "refused");
            log.warn("reply {} refused by {}: {}", messageId, channel, refused.get());
            execution.createIncident(SEND_REFUSED, messageId.toString(), refused.get());
        } else {
            metrics.replied(channel);
            log.info("reply {} sent on {}", messageId, channel);
        }
    }

    /** The job failed before and has one try left: this is it. */
    private static boolean lastAttempt(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .executionId(execution.getId()).activityId(execution.getCurrentActivityId()).singleResult();
        return job != null && job.getExceptionMessage() != null && job.getRetries() <= 1;
    }
}
