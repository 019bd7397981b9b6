package io.throughline.conversation;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding checklist: items the customer reports done ("done 1 and 3", "step 2 ✓", "all done") are recorded as
 * CHECKLIST_ITEM events on the conversation, once each.
 */
@Service
public class Checklists {

    private static final Pattern ALL = Pattern.compile(
            "\\b(all (?:done|finished|set|of them)|everything(?:'s| is)? done|done (?:with )?(?:all|everything)|finished (?:it )?all)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEM = Pattern.compile("(?<![\\d.,:])\\b(\\d{1,2})\\b(?![.,:]?\\d)");
    private static final Pattern DONE = Pattern.compile("\\b(done|did|finished|completed|ticked|checked|✓|✅)|[✓✅]",
            Pattern.CASE_INSENSITIVE);

    private final ConversationEvents events;
    private final ChecklistSettings settings;

    Checklists(ConversationEvents events, ChecklistSettings settings) {
        this.events = events;
        this.settings = settings;
    }

    /** How far the customer is, and whether their latest message reported anything. */
    public record Progress(int done, int total, boolean reported) {

        public boolean complete() {
            return done >= total;
        }
    }

    @Transactional
    public Progress record(UUID conversationId, String text) {
        Set<Integer> done = new TreeSet<>();
        events.details(conversationId, ConversationEvents.Type.CHECKLIST_ITEM).forEach(detail ->
                done.add(Integer.parseInt(detail.replaceAll("\\D", ""))));
        Set<Integer> reported = itemsIn(text == null ? "" : text, settings.checklistItems());
        for (int item : reported) {
            if (done.add(item)) {
                events.record(conversationId, ConversationEvents.Type.CHECKLIST_ITEM, null, "{\"item\":" + item + "}");
            }
        }
        return new Progress(done.size(), settings.checklistItems(), !reported.isEmpty());
    }

    /** The checklist items (1 to {@code total}) a message reports done. */
    public static Set<Integer> itemsIn(String text, int total) {
        Set<Integer> items = new TreeSet<>();
        if (ALL.matcher(text).find()) {
            for (int item = 1; item <= total; item++) {
                items.add(item);
            }
            return items;
        }
        if (!DONE.matcher(text).find() && !text.strip().matches("[\\d\\s,&+and]+")) {
            return items;
        }
        Matcher numbers = ITEM.matcher(text);
        while (numbers.find()) {
            int item = Integer.parseInt(numbers.group(1));
            if (item >= 1 && item <= total) {
                items.add(item);
            }
        }
        return items;
    }
}
