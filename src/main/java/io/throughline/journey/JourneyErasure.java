package io.throughline.journey;

import io.throughline.conversation.ConversationsErased;
import io.throughline.customer.privacy.CustomerErased;
import io.throughline.customer.privacy.ErasedCounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The engine's copy of erased conversations: every process instance that carries one of them (general support and the
 * journeys it called, by business key; wake-ups and booking reminders, by their {@code conversationId} variable) is
 * cancelled when it still runs, then its history goes: activities, variables, tasks with their local variables,
 * incidents, job logs, comments. Plain listeners, so all of it happens in the erasure's transaction or not at all.
 */
@Component
class JourneyErasure {

    static final String REASON = "erased: data protection";

    private final RuntimeService runtime;
    private final HistoryService history;

    JourneyErasure(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    @EventListener
    void on(ConversationsErased erased) {
        List<String> keys = erased.conversationIds().stream().map(UUID::toString).toList();
        Set<String> instances = new LinkedHashSet<>();
        for (List<String> batch : batches(keys)) {
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(batch.toArray(String[]::new))
                    .list().stream().map(HistoricProcessInstance::getId).forEach(instances::add);
        }
        instances.addAll(carrying(GeneralSupport.Var.CONVERSATION_ID, keys));
        erase(instances, erased.counts());
    }

    /** What no conversation led to: anything else started for the customer, by its {@code customerId} variable. */
    @EventListener
    void on(CustomerErased erased) {
        erase(carrying(GeneralSupport.Var.CUSTOMER_ID, erased.customerIds().stream().map(UUID::toString).toList()),
                erased.counts());
    }

    private Set<String> carrying(String variable, Collection<String> values) {
        Set<String> instances = new LinkedHashSet<>();
        for (String value : values) {
            history.createHistoricVariableInstanceQuery().variableValueEquals(variable, value).list().stream()
                    .map(HistoricVariableInstance::getProcessInstanceId).forEach(instances::add);
        }
        return instances;
    }

    private void erase(Set<String> instances, ErasedCounts counts) {
        if (instances.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(instances);
        try {
            Set<String> running = new LinkedHashSet<>();
            for (List<String> batch : batches(ids)) {
                runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(batch)).list()
                        .forEach(instance -> running.add(instance.getRootProcessInstanceId()));
            }
            if (!running.isEmpty()) {
                // the roots only: a called journey goes with the instance that called it (deleting it alone would
                // first cancel its call activity in the caller)
                runtime.deleteProcessInstancesIfExists(List.copyOf(running), REASON, true, true, false);
            }
            for (List<String> batch : batches(ids)) {
                history.deleteHistoricProcessInstancesIfExists(batch);
            }
            counts.add("processInstancesCancelled", running.size());
            counts.add("processInstances", ids.size());
        } catch (OptimisticLockingException clash) {
            // a journey job was at work on one of them: the erasure is tried again as a whole
            throw new OptimisticLockingFailureException("a journey was at work on an erased conversation", clash);
        }
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        return batches;
    }
}
