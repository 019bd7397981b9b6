package io.throughline.journey;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The queues the rules route to, as Tasklist shows them: a Camunda group per queue (the candidate group of its tasks;
 * agents join it in Camunda Admin) and a shared filter per queue, highest priority first, then the earliest due.
 * Created at start-up when missing and never changed afterwards, so what an operator edits in Admin or Tasklist stays.
 * A new group may use Tasklist and a new filter is visible to its group; nothing else is granted.
 */
@Component
class TaskQueues {

    /** A queue: its Camunda group (the rules' queue name), its name in Tasklist, and its place among the filters. */
    record Queue(String group, String name, int order) {}

    static final List<Queue> QUEUES = List.of(new Queue("support", "Support queue", 10),
            new Queue("billing", "Billing queue", 20), new Queue("sales", "Sales queue", 30),
            new Queue("vip", "VIP queue", 40));

    private static final Logger log = LoggerFactory.getLogger(TaskQueues.class);
    private final IdentityService identity;
    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final boolean authorizationOn;

    TaskQueues(ProcessEngine engine) {
        this.identity = engine.getIdentityService();
        this.filters = engine.getFilterService();
        this.tasks = engine.getTaskService();
        this.authorizations = engine.getAuthorizationService();
        this.authorizationOn = engine.getProcessEngineConfiguration().isAuthorizationEnabled();
    }

    @Order(1)
    @EventListener(ApplicationReadyEvent.class)
    void create() {
        for (Queue queue : QUEUES) {
            if (!identity.isReadOnly()) {
                createGroup(queue);
            }
            createFilter(queue);
        }
    }

    private void createGroup(Queue queue) {
        if (identity.createGroupQuery().groupId(queue.group()).count() > 0) {
            return;
        }
        var group = identity.newGroup(queue.group());
        group.setName(queue.name());
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        grant(queue.group(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        log.info("queue {}: Camunda group '{}' created; add agents to it in Camunda Admin", queue.name(), queue.group());
    }

    private void createFilter(Queue queue) {
        if (filters.createFilterQuery().filterName(queue.name()).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(queue.name())
                .setQuery(tasks.createTaskQuery().taskCandidateGroup(queue.group()).includeAssignedTasks()
                        .orderByTaskPriority().desc().orderByDueDate().asc())
                .setProperties(Map.of(
                        "description", "Tasks in the " + queue.group() + " queue, claimed or not: highest priority "
                                + "first, then the earliest due",
                        "priority", queue.order(),
                        "refresh", true,
                        "variables", List.of(Map.of("name", "summary", "label", "In short"))));
        filters.saveFilter(filter);
        grant(queue.group(), Resources.FILTER, filter.getId(), Permissions.READ);
        log.info("queue {}: Tasklist filter '{}' created", queue.name(), queue.name());
    }

    private void grant(String group, Resource resource, String resourceId, Permissions permission) {
        if (!authorizationOn) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }
}
