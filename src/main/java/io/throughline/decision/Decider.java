package io.throughline.decision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.springframework.stereotype.Component;

/**
 * Decides what the journey does with a customer's message, by the rules in the rules directory. {@link #reload()}
 * swaps in a freshly compiled rule book at once; an evaluation under way finishes with the one it started with.
 */
@Component
public class Decider {

    static final String NO_RULE_DECIDED = "no rule decided";
    /** Far more firings than any sane rule set needs: beyond it a rule is re-triggering itself without a guard. */
    static final int MAX_FIRINGS = 1_000;

    private final Path dir;
    private volatile RuleBook ruleBook;

    public Decider(RulesSettings settings) {
        this.dir = settings.dir();
        this.ruleBook = RuleBook.load(dir);
    }

    /** Decides as if the business were open: for callers without business hours (replays, evaluations, tests). */
    public Decision decide(ConversationFacts conversation, CustomerFacts customer, AnswerFacts answer) {
        return decide(conversation, customer, answer, BusinessHoursFacts.alwaysOpen(Instant.now()));
    }

    public Decision decide(ConversationFacts conversation, CustomerFacts customer, AnswerFacts answer,
                           BusinessHoursFacts hours) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(hours, "hours");
        Decision decision = new Decision();
        try (KieSession session = ruleBook.newSession()) {
            session.addEventListener(new FiredRulesRecorder(decision));
            session.insert(conversation);
            session.insert(customer);
            session.insert(answer);
            session.insert(hours);
            FactHandle decisionHandle = session.insert(decision);
            fire(session, decision);
            if (!decision.isDecided()) {
                // the safe default is a person looking; firing again lets the routing rules pick its queue
                decision.escalate(Decision.DEFAULT_QUEUE, NO_RULE_DECIDED);
                session.update(decisionHandle, decision);
                fire(session, decision);
            }
        }
        decision.takenIn(hours);
        return decision;
    }

    private static void fire(KieSession session, Decision decision) {
        if (session.fireAllRules(MAX_FIRINGS) >= MAX_FIRINGS) {
            List<String> fired = decision.getRulesFired();
            throw new IllegalStateException("the rules fired " + MAX_FIRINGS + " times without settling: a rule that"
                    + " changes the decision must also stop matching it (e.g. priority < 70 before raising it to 70);"
                    + " last rules fired: " + fired.subList(Math.max(0, fired.size() - 4), fired.size()));
        }
    }

    /**
     * Compiles the rules directory again and, only when it compiles, puts it in place of the running rules.
     *
     * @return the number of rules now in force
     * @throws InvalidRulesException naming each file and line at fault; the running rules stay
     */
    public long reload() {
        RuleBook next = RuleBook.load(dir);
        ruleBook = next;
        return next.ruleCount();
    }

    /** The folder the rules come from. */
    public Path rulesDir() {
        return dir;
    }
}
