package io.throughline.decision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of one evaluation: what to do, which queue and priority a human task gets, and why.
 * Rules change it through the intention-revealing methods below; the journey reads the getters.
 */
public final class Decision {

    public static final String DEFAULT_QUEUE = "support";
    public static final int NORMAL_PRIORITY = 50;

    private Action action;
    private String queue = DEFAULT_QUEUE;
    private int priority = NORMAL_PRIORITY;
    private final List<String> reasons = new ArrayList<>();
    private final List<String> rulesFired = new ArrayList<>();

    public void answer(String reason) {
        decide(Action.ANSWER, reason);
    }

    public void gatherDetails(String reason) {
        decide(Action.GATHER_DETAILS, reason);
    }

    public void escalate(String queue, String reason) {
        this.queue = queue;
        decide(Action.ESCALATE, reason);
    }

    public void switchChannel(String reason) {
        decide(Action.SWITCH_CHANNEL, reason);
    }

    public void followUp(String reason) {
        decide(Action.FOLLOW_UP, reason);
    }

    public void routeTo(String queue, String reason) {
        this.queue = queue;
        reasons.add(reason);
    }

    /** Never lowers: a less urgent rule firing later must not undo a more urgent one. */
    public void raisePriority(int priority, String reason) {
        this.priority = Math.max(this.priority, priority);
        reasons.add(reason);
    }

    private void decide(Action action, String reason) {
        this.action = action;
        reasons.add(reason);
    }

    void ruleFired(String ruleName) {
        rulesFired.add(ruleName);
    }

    public boolean isDecided() {
        return action != null;
    }

    public Action getAction() {
        return action;
    }

    public String getQueue() {
        return queue;
    }

    public int getPriority() {
        return priority;
    }

    public List<String> getReasons() {
        return Collections.unmodifiableList(reasons);
    }

    public List<String> getRulesFired() {
        return Collections.unmodifiableList(rulesFired);
    }

    @Override
    public String toString() {
        return "Decision[action=" + action + ", queue=" + queue + ", priority=" + priority + ", reasons=" + reasons
                + ", rulesFired=" + rulesFired + "]";
    }
}
