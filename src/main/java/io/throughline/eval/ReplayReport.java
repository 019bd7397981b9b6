package io.throughline.eval;

import io.throughline.eval.Difference.Kind;
import io.throughline.eval.RecordedConversation.Turn;
import io.throughline.eval.Replay.Replayed;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints what a replay found, conversation by conversation, then the summary and the verdict. */
final class ReplayReport {

    private static final int QUOTED = 60;

    private final String origin;
    private final String processesDir;
    private final String rulesDir;
    private final ReplayOptions options;
    private final double startSeconds;
    private final double replaySeconds;

    ReplayReport(String origin, String processesDir, String rulesDir, ReplayOptions options, double startSeconds,
                 double replaySeconds) {
        this.origin = origin;
        this.processesDir = processesDir;
        this.rulesDir = rulesDir;
        this.options = options;
        this.startSeconds = startSeconds;
        this.replaySeconds = replaySeconds;
    }

    /** @return the exit code: {@link Replay#DIFFERENT} when more conversations differ than allowed */
    int printComparison(PrintStream out, List<RecordedConversation> recorded, List<Replayed> replayed) {
        out.printf("replay of %s against %s and %s (compared: %s)%n", origin, processesDir, rulesDir,
                Replay.kinds(options.compare()));
        Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
        int differ = 0;
        int unrecorded = 0;
        for (int i = 0; i < recorded.size(); i++) {
            RecordedConversation before = recorded.get(i);
            RecordedConversation after = replayed.get(i).conversation();
            if (!before.recorded()) {
                unrecorded++;
                out.printf("%s: not recorded (no outcomes to compare; --record makes a recording)%n", before.id());
                continue;
            }
            List<Difference> differences = ReplayComparison.compare(before, after, options.compare());
            if (differences.isEmpty()) {
                out.printf("%s: same%n", before.id());
                continue;
            }
            differ++;
            differences.stream().map(Difference::kind).distinct().forEach(kind -> byKind.merge(kind, 1, Integer::sum));
            out.printf("%s: differs in %s%n", before.id(), differences.stream().map(d -> d.kind().key()).distinct()
                    .collect(Collectors.joining(", ")));
            int turn = 0;
            for (Difference difference : differences) {
                if (difference.turn() != turn) {
                    turn = difference.turn();
                    out.printf("  turn %d, customer: %s%n", turn, quoted(before, turn));
                }
                out.printf("    %s%n", difference.text());
            }
        }
        int compared = recorded.size() - unrecorded;
        out.printf(Locale.ROOT, "%d conversations, %d differ (%s)%s; %s%n", recorded.size(), differ,
                perKind(byKind), unrecorded == 0 ? "" : ", " + unrecorded + " not recorded", timing(replayed));
        double share = compared == 0 ? 0 : (double) differ / compared;
        boolean tooMany = share > options.maxDifferent();
        out.printf(Locale.ROOT, "%d of %d differ (%.1f%%): %s --max-different %.1f%%%n", differ, compared, share * 100,
                tooMany ? "above" : "within", options.maxDifferent() * 100);
        return tooMany ? Replay.DIFFERENT : Replay.SAME;
    }

    int printRecording(PrintStream out, List<Replayed> replayed, Path file) {
        long failed = replayed.stream().filter(r -> r.conversation().turns().stream().anyMatch(t -> t.failures() != null))
                .count();
        out.printf("recorded %d conversations with %s and %s to %s%s; %s%n", replayed.size(), processesDir, rulesDir,
                file, failed == 0 ? "" : " (" + failed + " with failed journey steps: see \"failures\")", timing(replayed));
        return Replay.SAME;
    }

    private static String perKind(Map<Kind, Integer> byKind) {
        return Arrays.stream(Kind.values()).map(k -> k.key() + " " + byKind.getOrDefault(k, 0))
                .collect(Collectors.joining(", "));
    }

    private String timing(List<Replayed> replayed) {
        double each = replayed.stream().mapToDouble(Replayed::seconds).average().orElse(0);
        return String.format(Locale.ROOT, "%.1f s replaying, %.2f s per conversation (%.2f s each, %d at a time; "
                        + "sandbox start %.1f s)", replaySeconds, replayed.isEmpty() ? 0 : replaySeconds / replayed.size(),
                each, options.parallel(), startSeconds);
    }

    private static String quoted(RecordedConversation conversation, int turn) {
        Turn recorded = conversation.turns().get(Math.min(turn, conversation.turns().size()) - 1);
        return "\"" + TextDiff.shortened(recorded.message().text(), QUOTED) + "\" (" + recorded.message().channel() + ")";
    }
}
