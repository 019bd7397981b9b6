package io.throughline.journey;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the demo user on, the groups behind the roles exist too ({@code agents}, {@code supervisors},
 * {@code designers}; {@code camunda-admin} is Camunda's own), so a tour can put people in them in Camunda Admin.
 * Created when missing and left alone afterwards. Agents and supervisors may open Tasklist; designers and supervisors
 * Cockpit.
 */
@Component
@ConditionalOnProperty(name = DemoUserDefaults.SETTING, havingValue = "true")
class DemoRoleGroups {

    record RoleGroup(String id, String name, List<String> apps) {}

    static final List<RoleGroup> GROUPS = List.of(
            new RoleGroup("agents", "Agents", List.of("tasklist")),
            new RoleGroup("supervisors", "Supervisors", List.of("tasklist", "cockpit")),
            new RoleGroup("designers", "CX designers", List.of("cockpit")));

    private static final Logger log = LoggerFactory.getLogger(DemoRoleGroups.class);
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final boolean authorizationOn;

    DemoRoleGroups(ProcessEngine engine) {
        this.identity = engine.getIdentityService();
        this.authorizations = engine.getAuthorizationService();
        this.authorizationOn = engine.getProcessEngineConfiguration().isAuthorizationEnabled();
    }

    @Order(1)
    @EventListener(ApplicationReadyEvent.class)
    void create() {
        if (identity.isReadOnly()) {
            return;
        }
        for (RoleGroup group : GROUPS) {
            if (identity.createGroupQuery().groupId(group.id()).count() > 0) {
                continue;
            }
            var created = identity.newGroup(group.id());
            created.setName(group.name());
            created.setType("WORKFLOW");
            identity.saveGroup(created);
            for (String app : group.apps()) {
                grantApp(group.id(), app);
            }
            log.info("role group '{}' created for the demo", group.id());
        }
    }

    private void grantApp(String group, String app) {
        if (!authorizationOn) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.APPLICATION);
        grant.setResourceId(app);
        grant.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(grant);
    }
}
