package io.throughline.decision;

import java.util.Objects;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.springframework.stereotype.Component;

/** Decides what the journey does with a customer's message, by the rules in the rules directory. */
@Component
public class Decider {

    static final String NO_RULE_DECIDED = "no rule decided";

    private final RuleBook ruleBook;

    public Decider(RulesSettings settings) {
        this.ruleBook = RuleBook.load(settings.dir());
    }

    public Decision decide(ConversationFacts conversation, CustomerFacts customer, AnswerFacts answer) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(answer, "answer");
        Decision decision = new Decision();
        try (KieSession session = ruleBook.newSession()) {
            session.addEventListener(new FiredRulesRecorder(decision));
            session.insert(conversation);
            session.insert(customer);
            session.insert(answer);
            FactHandle decisionHandle = session.insert(decision);
            session.fireAllRules();
            if (!decision.isDecided()) {
                // the safe default is a person looking; firing again lets the routing rules pick its queue
                decision.escalate(Decision.DEFAULT_QUEUE, NO_RULE_DECIDED);
                session.update(decisionHandle, decision);
                session.fireAllRules();
            }
        }
        return decision;
    }
}
