package io.throughline.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Messages accepted, per channel, counted once their transaction committed: a message counted here is stored, and a
 * retried webhook that created nothing new is not counted again.
 */
@Component
class ConversationMetrics {

    private final MeterRegistry meters;

    ConversationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @TransactionalEventListener
    void on(MessageAccepted accepted) {
        Counter.builder("throughline.messages.accepted").description("Customer messages accepted, by channel")
                .tag("channel", accepted.channel() == null ? "unknown" : accepted.channel())
                .register(meters).increment();
    }
}
