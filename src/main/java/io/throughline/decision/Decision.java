package io.throughline.decision;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    private final List<String> missingDetails = new ArrayList<>();
    private String switchTo;
    private Action afterSwitch;
    private Instant followUpAt;
    private BusinessHoursFacts businessHours;

    public void answer(String reason) {
        decide(Action.ANSWER, reason);
    }

    public void gatherDetails(String reason) {
        decide(Action.GATHER_DETAILS, reason);
    }

    /**
     * Asks the customer for one detail before going on (an order number, the device, the error...). Turns the decision
     * into GATHER_DETAILS and adds the detail to {@link #getMissingDetails()}; asking twice for one detail adds it once.
     */
    public void askFor(String detail, String reason) {
        if (!missingDetails.contains(detail)) {
            missingDetails.add(detail);
        }
        decide(Action.GATHER_DETAILS, reason);
    }

    public void escalate(String queue, String reason) {
        this.queue = queue;
        decide(Action.ESCALATE, reason);
    }

    /**
     * Goes on on another channel (e.g. "email" for billing). The action decided so far stays what happens there
     * ({@link #getAfterSwitch()}): the journey tells the customer on the current channel, then answers, asks or hands over
     * on {@code channel}.
     */
    public void switchChannel(String channel, String reason) {
        if (action != Action.SWITCH_CHANNEL) {
            afterSwitch = action;
        }
        switchTo = channel;
        decide(Action.SWITCH_CHANNEL, reason);
    }

    /** A person follows up at {@code at} (e.g. the next opening outside business hours); queue and priority stay. */
    public void followUp(Instant at, String reason) {
        followUpAt = at;
        decide(Action.FOLLOW_UP, reason);
    }

    /** A person follows up at the next opening of the business (now, when it is open). */
    public void followUp(String reason) {
        followUp(null, reason);
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

    /** The business hours the decision was taken in; a follow-up without a time gets the next opening. */
    void takenIn(BusinessHoursFacts hours) {
        this.businessHours = hours;
        if ((action == Action.FOLLOW_UP || afterSwitch == Action.FOLLOW_UP) && followUpAt == null) {
            followUpAt = hours.getNextOpening();
        }
    }

    public boolean isDecided() {
        return action != null;
    }

    public Action getAction() {
        return action;
    }

    /** Whether {@code detail} is among the details to ask for: {@code needs("orderNumber")}. */
    public boolean needs(String detail) {
        return missingDetails.contains(detail);
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

    /** What to ask the customer for (GATHER_DETAILS), in the order the rules asked: "orderNumber", "device", "error"... */
    public List<String> getMissingDetails() {
        return Collections.unmodifiableList(missingDetails);
    }

    /** The channel to go on with (SWITCH_CHANNEL), or null. */
    public String getSwitchTo() {
        return switchTo;
    }

    /** What happens on the new channel after SWITCH_CHANNEL (ANSWER, ESCALATE...), or null when nothing was decided. */
    public Action getAfterSwitch() {
        return afterSwitch;
    }

    /** When a person follows up (FOLLOW_UP), or null. */
    public Instant getFollowUpAt() {
        return followUpAt;
    }

    /** Whether the business was open when the decision was taken (always, when no business hours were given). */
    public boolean isOpen() {
        return businessHours == null || businessHours.isOpen();
    }

    /** When people are next in, while the business is closed; null while it is open (or never opens). */
    public Instant getNextOpening() {
        return isOpen() ? null : businessHours.getNextOpening();
    }

    /** The business's time zone (UTC when the decision was taken without business hours). */
    public ZoneId getZone() {
        return businessHours == null ? ZoneOffset.UTC : businessHours.getZone();
    }

    /** The same, as a customer reads it in the business's time zone ("Monday 2 June at 09:00"); null while open. */
    public String getNextOpeningText() {
        return isOpen() ? null : businessHours.getNextOpeningText();
    }

    /**
     * When a person's task is due because of the hours: the follow-up time for FOLLOW_UP, the next opening for a
     * handover taken while closed; null otherwise (the journey's SLA decides).
     */
    public Instant getDueDate() {
        Action handover = action == Action.SWITCH_CHANNEL ? afterSwitch : action;
        if (handover == Action.FOLLOW_UP) {
            return followUpAt;
        }
        return handover == Action.ESCALATE ? getNextOpening() : null;
    }

    @Override
    public String toString() {
        return "Decision[action=" + action + ", queue=" + queue + ", priority=" + priority + ", reasons=" + reasons
                + ", rulesFired=" + rulesFired
                + (missingDetails.isEmpty() ? "" : ", missingDetails=" + missingDetails)
                + (switchTo == null ? "" : ", switchTo=" + switchTo + ", afterSwitch=" + afterSwitch)
                + (followUpAt == null ? "" : ", followUpAt=" + followUpAt)
                + (isOpen() ? "" : ", nextOpening=" + getNextOpening()) + "]";
    }
}
