package io.throughline.journey;

import io.throughline.channel.Outbox;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Puts the recorded reply on its channel. An async step: a failure is retried by the engine with growing pauses, the
 * last one leaves the reply FAILED and an incident in Cockpit. A provider's final "no" (a 4xx) is not retried: the
 * reply is FAILED at once and an incident of type {@value #SEND_REFUSED} says why, while the journey goes on.
 */
@Component("sendReply")
class SendReply implements JavaDelegate {

    static final String SEND_REFUSED = "sendRefused";

    private final Outbox outbox;

    SendReply(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        UUID messageId = UUID.fromString(Steps.string(execution, GeneralSupport.Var.REPLY_MESSAGE_ID));
        try {
            outbox.send(messageId).ifPresent(reason -> execution.createIncident(SEND_REFUSED, messageId.toString(), reason));
        } catch (Exception e) {
            if (lastAttempt(execution)) {
                outbox.gaveUp(messageId);
            }
            throw e;
        }
    }

    /** The job failed before and has one try left: this is it. */
    private static boolean lastAttempt(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .executionId(execution.getId()).activityId(execution.getCurrentActivityId()).singleResult();
        return job != null && job.getExceptionMessage() != null && job.getRetries() <= 1;
    }
}
