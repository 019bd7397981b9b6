package io.throughline.journey;

import io.throughline.channel.Outbox;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the recorded reply on its channel. An async step: a failure is retried by the engine, then an incident. */
@Component("sendReply")
class SendReply implements JavaDelegate {

    private final Outbox outbox;

    SendReply(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        outbox.send(UUID.fromString(Steps.string(execution, GeneralSupport.Var.REPLY_MESSAGE_ID)));
    }
}
