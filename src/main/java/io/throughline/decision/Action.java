package io.throughline.decision;

/** What the journey does next with a customer's message. */
public enum Action {
    ANSWER,
    GATHER_DETAILS,
    ESCALATE,
    SWITCH_CHANNEL,
    FOLLOW_UP
}
