package io.throughline.journey;

import io.throughline.booking.BookingChange;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What a booked customer wants: {@code replyMeans} reschedule, cancel or other. */
@Component("judgeBookingChange")
class JudgeBookingChange implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Journey.Var.REPLY_MEANS,
                BookingChange.of(Steps.string(execution, GeneralSupport.Var.QUESTION)).key());
    }
}
