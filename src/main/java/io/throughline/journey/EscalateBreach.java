package io.throughline.journey;

import io.throughline.handoff.Slas;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The agent's task passed its due date: SLA_BREACHED on the conversation, a higher priority, and the supervisors'
 * group among its candidates. The task stays where it is (the timer does not interrupt it).
 */
@Component("escalateBreach")
class EscalateBreach implements JavaDelegate {

    private final Slas slas;

    EscalateBreach(Slas slas) {
        this.slas = slas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var breach = slas.breached(Steps.conversationId(execution), Steps.string(execution, GeneralSupport.Var.QUEUE),
                Steps.integer(execution, GeneralSupport.Var.PRIORITY, 50), Steps.string(execution, Journey.Var.TASK_DUE_DATE));
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(GeneralSupport.USER_TASK).list().forEach(task -> {
                    tasks.setPriority(task.getId(), Math.max(task.getPriority(), breach.priority()));
                    tasks.addCandidateGroup(task.getId(), breach.escalateTo());
                });
    }
}
