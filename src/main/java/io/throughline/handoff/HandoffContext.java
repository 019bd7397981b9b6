package io.throughline.handoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent sees on a human task, each part a plain String: Tasklist's forms show only primitive variables, and a
 * read-only field per part reads better than one blob. Each part fits a String variable ({@link #MAX_LENGTH}). Set
 * task-local, they go with the task; {@code intent}, {@code reasons} and {@code details} share their names with the
 * journey's own variables and shadow them on the task only, so the form shows the readable version and a submitted
 * form (Tasklist sends every field back) never overwrites the journey's.
 *
 * @param summary        one line for the queue's task list: the customer's last words, who and on which channel
 * @param suggestedReply the bot's answer, offered for the agent to copy into their reply; empty when there is none
 *                       worth offering. Never the reply itself: every task starts with {@code reply} empty
 */
public record HandoffContext(String summary, String customer, String details, String transcript, String intent,
                             String routing, String aiAnswer, String sources, String suggestedReply, String reasons) {

    /** The engine keeps String variables in a 4,000-character column; a longer one fails the step. */
    public static final int MAX_LENGTH = 4_000;

    /** The variable names, in the order the form shows them. */
    public static final List<String> KEYS = List.of("summary", "customer", "details", "transcript", "intent", "routing",
            "aiAnswer", "sources", "suggestedReply", "reasons");

    public Map<String, String> asVariables() {
        List<String> values = List.of(summary, customer, details, transcript, intent, routing, aiAnswer, sources,
                suggestedReply, reasons);
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            variables.put(KEYS.get(i), values.get(i));
        }
        return variables;
    }
}
