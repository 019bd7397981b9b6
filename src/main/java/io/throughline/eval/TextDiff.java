package io.throughline.eval;

/** Texts as the replay compares and shows them: whitespace runs count as one space, and a change shown in context. */
final class TextDiff {

    private static final int CONTEXT = 30;
    private static final int CHANGE = 90;

    private TextDiff() {
    }

    /**
     * A slot the bot offers or confirms ("Thu 26 Nov, 10:00") depends on the day the replay runs, not on the journeys
     * or rules being tested: such dates compare as equal.
     */
    private static final java.util.regex.Pattern SLOT = java.util.regex.Pattern.compile(
            "\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\w* \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\w*(?:,? \\d{1,2}:\\d{2})?");

    static String normalised(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** As compared: whitespace runs as one space, and offered slots as one placeholder. */
    static String comparable(String text) {
        return SLOT.matcher(normalised(text)).replaceAll("<slot>");
    }

    /** The part of {@code before} that {@code after} changes, as {@code … context [-removed-]{+added+} context …}. */
    static String change(String before, String after) {
        String a = normalised(before);
        String b = normalised(after);
        int prefix = 0;
        while (prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        // whole words only, so the change reads as words
        while (prefix > 0 && !(a.charAt(prefix - 1) == ' ' || spaceOrEnd(a, prefix) && spaceOrEnd(b, prefix))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < a.length() - prefix && suffix < b.length() - prefix
                && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        while (suffix > 0 && !(a.charAt(a.length() - suffix) == ' '
                || spaceOrEnd(a, a.length() - suffix - 1) && spaceOrEnd(b, b.length() - suffix - 1))) {
            suffix--;
        }
        String lead = a.substring(0, prefix);
        int from = lead.indexOf(' ', lead.length() - CONTEXT);
        if (lead.length() > CONTEXT && from >= 0) {
            lead = "… " + lead.substring(from + 1);
        }
        String trail = a.substring(a.length() - suffix);
        if (trail.length() > CONTEXT) {
            int cut = trail.lastIndexOf(' ', CONTEXT);
            trail = trail.substring(0, cut > 0 ? cut : CONTEXT) + " …";
        }
        String removed = a.substring(prefix, a.length() - suffix).strip();
        String added = b.substring(prefix, b.length() - suffix).strip();
        String change = (removed.isEmpty() ? "" : "[-" + shortened(removed, CHANGE) + "-]")
                + (added.isEmpty() ? "" : "{+" + shortened(added, CHANGE) + "+}");
        // both ends of the change are word boundaries, so a space on each side reads right
        return (lead.isBlank() ? "" : lead.stripTrailing() + " ") + change
                + (trail.isBlank() ? "" : " " + trail.stripLeading());
    }

    /** Whether position i of the text is a space, or outside it. */
    private static boolean spaceOrEnd(String text, int i) {
        return i < 0 || i >= text.length() || text.charAt(i) == ' ';
    }

    static String shortened(String text, int max) {
        String plain = normalised(text);
        return plain.length() <= max ? plain : plain.substring(0, max - 1) + "…";
    }
}
