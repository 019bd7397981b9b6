package io.throughline.journey;

import io.throughline.decision.Decision;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables the {@code decide} step ({@link Decide}) writes, for any journey's gateways, wording and tasks.
 * Each is written on every decision, null when it does not apply, so a value from an earlier turn never lingers.
 * Times are ISO-8601 strings with the business's UTC offset ({@code 2025-06-02T09:00:00+02:00}), which Camunda takes for
 * a task's {@code camunda:dueDate} and a timer's {@code timeDate}.
 */
public final class DecisionVariables {

    /** ANSWER, GATHER_DETAILS, ESCALATE, SWITCH_CHANNEL or FOLLOW_UP (String). */
    public static final String ACTION = GeneralSupport.Var.ACTION;
    /** The queue (candidate group) a person's task goes to: support, billing, sales, vip... (String). */
    public static final String QUEUE = GeneralSupport.Var.QUEUE;
    /** The task priority, 50 normal, 80 VIP (Integer). */
    public static final String PRIORITY = GeneralSupport.Var.PRIORITY;
    /** Why, one reason per line (String). */
    public static final String REASONS = GeneralSupport.Var.REASONS;
    /** The rules that fired, in order, one per line (String). */
    public static final String RULES_FIRED = "rulesFired";
    /** GATHER_DETAILS: what to ask for, comma-separated: orderNumber, device, error (String; empty when nothing named). */
    public static final String MISSING_DETAILS = "missingDetails";
    /** SWITCH_CHANNEL: the channel to go on with, e.g. email (String). */
    public static final String SWITCH_TO = "switchTo";
    /** SWITCH_CHANNEL: what happens on the new channel: ANSWER, ESCALATE, FOLLOW_UP... (String). */
    public static final String AFTER_SWITCH = "afterSwitch";
    /** FOLLOW_UP: when a person follows up (ISO-8601 String). */
    public static final String FOLLOW_UP_AT = "followUpAt";
    /** Whether the business was open when deciding (Boolean). */
    public static final String OPEN = "businessOpen";
    /** While closed: when people are next in (ISO-8601 String); null while open. */
    public static final String NEXT_OPENING = "nextOpening";
    /** The same for the customer's eyes, in the business's time zone: "Monday 2 June at 09:00" (String). */
    public static final String NEXT_OPENING_TEXT = "nextOpeningText";
    /** When a person's task is due because of the hours: followUpAt, or the next opening for a handover while closed. */
    public static final String DUE_DATE = "dueDate";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private DecisionVariables() {
    }

    /** Writes every variable above from {@code decision}. */
    static void write(Decision decision, VariableScope scope) {
        scope.setVariable(ACTION, decision.getAction().name());
        scope.setVariable(QUEUE, decision.getQueue());
        scope.setVariable(PRIORITY, decision.getPriority());
        scope.setVariable(REASONS, String.join("\n", decision.getReasons()));
        scope.setVariable(RULES_FIRED, String.join("\n", decision.getRulesFired()));
        scope.setVariable(MISSING_DETAILS, String.join(",", decision.getMissingDetails()));
        scope.setVariable(SWITCH_TO, decision.getSwitchTo());
        scope.setVariable(AFTER_SWITCH, decision.getAfterSwitch() == null ? null : decision.getAfterSwitch().name());
        scope.setVariable(FOLLOW_UP_AT, iso(decision.getFollowUpAt(), decision.getZone()));
        scope.setVariable(OPEN, decision.isOpen());
        scope.setVariable(NEXT_OPENING, iso(decision.getNextOpening(), decision.getZone()));
        scope.setVariable(NEXT_OPENING_TEXT, decision.getNextOpeningText());
        scope.setVariable(DUE_DATE, iso(decision.getDueDate(), decision.getZone()));
    }

    private static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null : ISO.format(instant.atZone(zone));
    }
}
