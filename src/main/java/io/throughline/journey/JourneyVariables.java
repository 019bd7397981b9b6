package io.throughline.journey;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The variables a conversation's journey starts with: its ids and every wait from the settings. */
@Component
class JourneyVariables {

    private final JourneySettings settings;
    private final JourneyTimers timers;

    JourneyVariables(JourneySettings settings, JourneyTimers timers) {
        this.settings = settings;
        this.timers = timers;
    }

    Map<String, Object> forConversation(UUID conversationId, UUID customerId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(GeneralSupport.Var.CONVERSATION_ID, conversationId.toString());
        variables.put(GeneralSupport.Var.CUSTOMER_ID, customerId.toString());
        variables.put(GeneralSupport.Var.IDLE_TIMEOUT, settings.idleTimeout());
        variables.put(GeneralSupport.Var.ROUTE_FROM_SCORE, settings.routeFromScore());
        variables.put(RememberWhoAnswers.WITH_AGENT, false);
        variables.put(Journey.Var.FOLLOW_UP_AFTER, timers.followUpAfter());
        variables.put(Journey.Var.CSAT_TIMEOUT, timers.csatTimeout());
        variables.put(Journey.Var.CHECKLIST_AFTER, timers.onboardingChecklistAfter());
        variables.put(Journey.Var.NUDGE_AFTER, timers.onboardingNudgeAfter());
        return variables;
    }
}
