package io.throughline.journey;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the demo user in every queue ({@link TaskQueues} creates them first), so the tour's tasks show up as theirs, and
 * warns that it exists.
 */
@Component
@ConditionalOnProperty(name = DemoUserDefaults.SETTING, havingValue = "true")
class DemoUser {

    private static final Logger log = LoggerFactory.getLogger(DemoUser.class);
    private final IdentityService identity;

    DemoUser(IdentityService identity) {
        this.identity = identity;
    }

    @Order(2)
    @EventListener(ApplicationReadyEvent.class)
    void joinQueues() {
        for (TaskQueues.Queue queue : TaskQueues.QUEUES) {
            boolean exists = identity.createGroupQuery().groupId(queue.group()).count() > 0;
            if (exists && identity.createUserQuery().userId("demo").memberOfGroup(queue.group()).count() == 0) {
                identity.createMembership("demo", queue.group());
            }
        }
        log.warn("the demo user demo/demo is ON (full admin rights): fine for a tour on the embedded default, never for "
                + "real customers; set THROUGHLINE_DEMO_USER=false");
    }
}
