package io.throughline.handoff;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the agent submitted on a task: the reply to send (blank: none), an internal note (blank: none) and what happens
 * next. Checked before anything is kept, so a wrong value is refused with its name instead of half-applied.
 */
public record AgentAnswer(String reply, String note, Outcome outcome) {

    /** The most a reply or a note may hold: what the engine's String variables and the conversation timeline keep. */
    public static final int MAX_LENGTH = 4_000;

    public enum Outcome {
        REPLY("reply"), HAND_BACK("hand-back"), RESOLVE("resolve");

        private final String key;

        Outcome(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The outcome for a submitted value: absent or blank is {@code reply}; case and spaces around do not matter. */
        static Outcome of(String value) {
            if (value == null || value.isBlank()) {
                return REPLY;
            }
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(o -> o.key.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("outcome must be one of "
                            + Arrays.stream(values()).map(Outcome::key).collect(Collectors.joining(", "))
                            + " (or absent, which means reply); got \"" + value + "\""));
        }
    }

    public AgentAnswer {
        reply = reply == null ? "" : reply.strip();
        note = note == null ? "" : note.strip();
        if (outcome == null) {
            outcome = Outcome.REPLY;
        }
        requireFits("reply", reply);
        requireFits("note", note);
    }

    /** Reads the task's variables {@code reply}, {@code note} and {@code outcome} as submitted. */
    public static AgentAnswer of(String reply, String note, String outcome) {
        return new AgentAnswer(reply, note, Outcome.of(outcome));
    }

    public boolean replied() {
        return !reply.isEmpty();
    }

    public boolean noted() {
        return !note.isEmpty();
    }

    /**
     * An agent who replies and chooses {@code reply} keeps the conversation: the customer's next message goes straight
     * to them. {@code hand-back}, {@code resolve} or no reply at all gives it back to the bot.
     */
    public boolean keepsConversation() {
        return replied() && outcome == Outcome.REPLY;
    }

    private static void requireFits(String field, String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " is " + String.format(Locale.ROOT, "%,d", text.length())
                    + " characters; at most " + String.format(Locale.ROOT, "%,d", MAX_LENGTH) + " fit: shorten it");
        }
    }
}
