package io.throughline.eval;

import io.throughline.eval.Difference.Kind;
import io.throughline.eval.RecordedConversation.RecordedDecision;
import io.throughline.eval.RecordedConversation.Reply;
import io.throughline.eval.RecordedConversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a replay differs from the recording, turn by turn: the decisions (action, queue, priority), the journeys that
 * handled the message, and the replies (author, channel, text with whitespace normalised, and the booking slots offered, which depend on the day of the replay, masked). Reasons and rules fired
 * are shown, never compared: a rule renamed is no change for the customer.
 */
final class ReplayComparison {

    private static final int SHOWN = 70;

    private ReplayComparison() {
    }

    static List<Difference> compare(RecordedConversation recorded, RecordedConversation replayed, Set<Kind> kinds) {
        List<Difference> differences = new ArrayList<>();
        int turns = Math.max(recorded.turns().size(), replayed.turns().size());
        for (int i = 0; i < turns; i++) {
            if (i >= recorded.turns().size() || i >= replayed.turns().size()) {
                differences.add(new Difference(Kind.JOURNEY, i + 1, "the replay has " + replayed.turns().size()
                        + " customer messages, the recording " + recorded.turns().size()));
                break;
            }
            Turn before = recorded.turns().get(i);
            Turn after = replayed.turns().get(i);
            int turn = i + 1;
            if (kinds.contains(Kind.DECISION) && !gists(before.decisions()).equals(gists(after.decisions()))) {
                differences.add(new Difference(Kind.DECISION, turn,
                        "decision " + decisions(before.decisions()) + " -> " + decisions(after.decisions())));
            }
            if (kinds.contains(Kind.JOURNEY)) {
                if (before.journeys() != null && !before.journeys().equals(after.journeys())) {
                    differences.add(new Difference(Kind.JOURNEY, turn, "journey " + names(before.journeys()) + " -> "
                            + names(after.journeys())));
                }
                if (after.failures() != null) {
                    after.failures().forEach(failure -> differences.add(new Difference(Kind.JOURNEY, turn,
                            "journey failed: " + failure)));
                }
            }
            if (kinds.contains(Kind.REPLY)) {
                differences.addAll(replies(turn, before.replies(), after.replies()));
            }
        }
        return differences;
    }

    private static List<String> gists(List<RecordedDecision> decisions) {
        return decisions == null ? List.of() : decisions.stream().map(RecordedDecision::gist).toList();
    }

    private static String decisions(List<RecordedDecision> decisions) {
        if (decisions == null || decisions.isEmpty()) {
            return "none";
        }
        return decisions.stream().map(d -> d.gist() + " [" + String.join("; ", d.rulesFired() == null ? List.of()
                : d.rulesFired()) + "]").collect(Collectors.joining(", "));
    }

    private static String names(List<String> journeys) {
        return journeys == null || journeys.isEmpty() ? "none" : String.join(", ", journeys);
    }

    private static List<Difference> replies(int turn, List<Reply> before, List<Reply> after) {
        List<Difference> differences = new ArrayList<>();
        List<Reply> was = before == null ? List.of() : before;
        List<Reply> is = after == null ? List.of() : after;
        for (int j = 0; j < Math.max(was.size(), is.size()); j++) {
            Reply a = j < was.size() ? was.get(j) : null;
            Reply b = j < is.size() ? is.get(j) : null;
            String which = "reply " + (j + 1);
            if (a != null && b != null && Objects.equals(a.author(), b.author()) && Objects.equals(a.channel(), b.channel())) {
                if (!TextDiff.comparable(a.text()).equals(TextDiff.comparable(b.text()))) {
                    differences.add(new Difference(Kind.REPLY, turn, which + " (" + from(a) + ") "
                            + TextDiff.change(a.text(), b.text())));
                }
            } else if (a != null || b != null) {
                differences.add(new Difference(Kind.REPLY, turn, which + " " + shown(a) + " -> " + shown(b)));
            }
        }
        return differences;
    }

    private static String from(Reply reply) {
        return reply.author() + "@" + reply.channel();
    }

    private static String shown(Reply reply) {
        return reply == null ? "none" : from(reply) + " \"" + TextDiff.shortened(reply.text(), SHOWN) + "\"";
    }
}
