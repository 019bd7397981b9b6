package io.throughline.conversation;

import io.throughline.language.ReplyWords;
import io.throughline.language.Text;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a short answer to a yes-or-no question means, in any language the bot serves: "yes", "that worked!", "ja, klopt",
 * "hat geklappt", "ça marche", "sí, gracias"; "nope, still broken", "werkt nog steeds niet", "non merci", "no funciona"; or
 * something else ("no idea", "weiß nicht", a question).
 */
public final class Replies {

    public enum Meaning { YES, NO, OTHER;

        /** As the BPMN compares it: {@code ${replyMeans == 'yes'}}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<Pattern> YES = openings(ReplyWords.YES.values());
    private static final List<Pattern> NO = openings(ReplyWords.NO.values());
    private static final List<Pattern> UNSURE = openings(ReplyWords.UNSURE.values());
    private static final List<Pattern> NOT_WORKING = ReplyWords.NOT_WORKING.values().stream().flatMap(List::stream)
            .map(phrase -> Pattern.compile(Text.START + "(?:" + phrase + ")" + Text.END)).toList();
    private static final List<Pattern> ACCENTED_YES = openings(List.of(ReplyWords.ACCENTED_YES));
    private static final List<Pattern> ACCENTED_UNSURE = openings(List.of(ReplyWords.ACCENTED_UNSURE));

    private Replies() {
    }

    /**
     * A question ("yes, but how do I...?") is OTHER: it needs an answer, not a branch. Saying it does not work anywhere
     * ("thanks, but it doesn't work") is NO. Otherwise the longest opening decides, so "werkt nog steeds niet" is no
     * although "werkt" is yes, and "no hay problema" yes although "no" is no.
     */
    public static Meaning meaning(String text) {
        String reply = text == null ? "" : text.strip();
        if (reply.isEmpty() || reply.endsWith("?") || reply.length() > 160) {
            return Meaning.OTHER;
        }
        String folded = Text.fold(reply);
        if (NOT_WORKING.stream().anyMatch(notWorking -> notWorking.matcher(folded).find())) {
            return Meaning.NO;
        }
        String accented = Text.composed(reply).toLowerCase(Locale.ROOT);
        int yes = Math.max(longest(YES, folded), longest(ACCENTED_YES, accented));
        int no = longest(NO, folded);
        int unsure = Math.max(longest(UNSURE, folded), longest(ACCENTED_UNSURE, accented));
        if (unsure > 0 && unsure >= Math.max(yes, no)) {
            return Meaning.OTHER;
        }
        if (no > 0 && no >= yes) {
            return Meaning.NO;
        }
        return yes > 0 ? Meaning.YES : Meaning.OTHER;
    }

    /** How much of the reply the longest of the openings covers; 0 when none opens it. */
    private static int longest(List<Pattern> openings, String reply) {
        int longest = 0;
        for (Pattern opening : openings) {
            Matcher matcher = opening.matcher(reply);
            if (matcher.lookingAt()) {
                longest = Math.max(longest, matcher.end());
            }
        }
        return longest;
    }

    private static List<Pattern> openings(Collection<List<String>> phrases) {
        return phrases.stream().flatMap(List::stream).map(phrase -> Pattern.compile("(?:" + phrase + ")" + Text.END))
                .toList();
    }
}
