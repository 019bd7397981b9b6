package io.throughline.journey;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts the demo user in every queue, so the tour's tasks show up as theirs, and warns that it exists. */
@Component
@ConditionalOnProperty(name = DemoUserDefaults.SETTING, havingValue = "true")
class DemoUser {

    private static final Logger log = LoggerFactory.getLogger(DemoUser.class);
    static final List<String> QUEUES = List.of("support", "sales", "billing", "vip");

    private final IdentityService identity;

    DemoUser(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void joinQueues() {
        for (String queue : QUEUES) {
            if (identity.createGroupQuery().groupId(queue).count() == 0) {
                var group = identity.newGroup(queue);
                group.setName(queue.substring(0, 1).toUpperCase() + queue.substring(1) + " queue");
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
            if (identity.createUserQuery().userId("demo").memberOfGroup(queue).count() == 0) {
                identity.createMembership("demo", queue);
            }
        }
        log.warn("the demo user demo/demo is ON (full admin rights): fine for a tour on the embedded default, never for "
                + "real customers; set THROUGHLINE_DEMO_USER=false");
    }
}
