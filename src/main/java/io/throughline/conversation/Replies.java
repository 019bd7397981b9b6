package io.throughline.conversation;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a short answer to a yes-or-no question means: "yes", "that worked!", "nope, still broken", or something else. */
public final class Replies {

    public enum Meaning { YES, NO, OTHER;

        /** As the BPMN compares it: {@code ${replyMeans == 'yes'}}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern NO = Pattern.compile(
            "^(no|nope|nah|not really|not yet|negative|didn'?t work|did not work|doesn'?t work|does not work|still|"
                    + "it'?s still|not fixed|no luck|no thanks|no, thanks|not now|👎)\\b.*|^👎.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern YES = Pattern.compile(
            "^(yes|yeah|yep|yup|sure|ok|okay|please|absolutely|definitely|of course|correct|great|perfect|thanks|thank you|"
                    + "that worked|it worked|it works|works now|fixed|solved|sounds good|let'?s do it|why not|👍)\\b.*|^👍.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Replies() {
    }

    /** A question ("yes, but how do I...?") is OTHER: it needs an answer, not a branch. */
    public static Meaning meaning(String text) {
        String reply = text == null ? "" : text.strip();
        if (reply.isEmpty() || reply.endsWith("?") || reply.length() > 160) {
            return Meaning.OTHER;
        }
        if (NO.matcher(reply).matches()) {
            return Meaning.NO;
        }
        return YES.matcher(reply).matches() ? Meaning.YES : Meaning.OTHER;
    }
}
