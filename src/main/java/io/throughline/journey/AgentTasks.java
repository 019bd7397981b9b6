package io.throughline.journey;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The agent's side of a conversation's handoff, for tools that act as the agent (the replay does what the recorded
 * agent did): the open task, and completing it as Tasklist would, with {@code reply}, {@code outcome} and {@code note}.
 */
@Service
public class AgentTasks {

    private final TaskService tasks;

    AgentTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * Completes the conversation's open agent task as the agent would.
     *
     * @param outcome {@code reply}, {@code hand-back} or {@code resolve}; null means {@code reply}
     * @return false when no agent task was open
     */
    public boolean complete(UUID conversationId, String reply, String outcome, String note) {
        Optional<Task> task = openTask(conversationId);
        if (task.isEmpty()) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(GeneralSupport.Var.REPLY, reply == null ? "" : reply);
        variables.put(GeneralSupport.Var.OUTCOME, outcome == null ? "reply" : outcome);
        variables.put(GeneralSupport.Var.NOTE, note == null ? "" : note);
        tasks.complete(task.get().getId(), variables);
        return true;
    }

    private Optional<Task> openTask(UUID conversationId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(conversationId.toString()).active()
                .orderByTaskCreateTime().asc().list().stream().findFirst();
    }
}
