package io.throughline.journey;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the booking's reminder, a process of its own (business key: the booking id) that waits until remindAt. */
@Component("scheduleReminder")
class ScheduleReminder implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String bookingId = Steps.string(execution, Journey.Var.BOOKING_ID);
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(Journey.BOOKING_REMINDER,
                bookingId, Map.of(Journey.Var.BOOKING_ID, bookingId,
                        GeneralSupport.Var.CONVERSATION_ID, Steps.string(execution, GeneralSupport.Var.CONVERSATION_ID),
                        GeneralSupport.Var.CUSTOMER_ID, Steps.string(execution, GeneralSupport.Var.CUSTOMER_ID),
                        Journey.Var.REMIND_AT, Steps.string(execution, Journey.Var.REMIND_AT)));
    }
}
