package io.throughline.decision;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Writes each fired rule's name into the decision, in firing order. */
final class FiredRulesRecorder extends DefaultAgendaEventListener {

    private final Decision decision;

    FiredRulesRecorder(Decision decision) {
        this.decision = decision;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        decision.ruleFired(event.getMatch().getRule().getName());
    }
}
