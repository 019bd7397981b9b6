package io.throughline.web.security;

import org.camunda.bpm.engine.IdentityService;

/** Camunda users for the security tests, one per role's group, created once per context. */
final class SecurityUsers {

    static final String AGENT = "secagent:agent-pw";
    static final String QUEUE_AGENT = "secbilling:billing-pw";
    static final String SUPERVISOR = "secsupervisor:supervisor-pw";
    static final String DESIGNER = "secdesigner:designer-pw";
    static final String ADMIN = "secadmin:admin-pw";
    static final String NOBODY = "secnobody:nobody-pw";

    private SecurityUsers() {}

    static void create(IdentityService identity) {
        user(identity, AGENT, "agents");
        user(identity, QUEUE_AGENT, "billing");
        user(identity, SUPERVISOR, "supervisors");
        user(identity, DESIGNER, "designers");
        user(identity, ADMIN, "camunda-admin");
        user(identity, NOBODY, null);
    }

    private static void user(IdentityService identity, String login, String group) {
        String id = login.substring(0, login.indexOf(':'));
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        var user = identity.newUser(id);
        user.setPassword(login.substring(login.indexOf(':') + 1));
        identity.saveUser(user);
        if (group != null) {
            identity.createMembership(id, group);
        }
    }
}
