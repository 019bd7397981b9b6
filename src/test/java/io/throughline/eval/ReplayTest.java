package io.throughline.eval;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.ThroughlineApplication;
import io.throughline.eval.Difference.Kind;
import io.throughline.eval.Replay.Replayed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay command against sandboxes of its own: two starts in all, one with processes/ and rules/ as they are, one
 * with a rule changed. Each prints its timing to stdout.
 */
class ReplayTest {

    private static final Path DEMO = Path.of("eval/conversations/demo.jsonl");
    private static final String PERSON_RULE = "rule \"Customer asks for a person\"";

    @TempDir
    Path dir;

    @Test
    void theDemoSetReplaysAsRecordedAgainstTheUnchangedJourneysAndRules() {
        Output output = new Output();

        int exit = Replay.run(ThroughlineApplication.class, output.out, System.err, "--conversations", DEMO.toString());

        System.out.println(output);
        int conversations = RecordedConversations.read(DEMO).size();
        assertThat(output.toString()).contains(conversations + " conversations, 0 differ (decision 0, journey 0, reply 0)");
        assertThat(exit).isEqualTo(Replay.SAME);
    }

    @Test
    void aChangedRuleShowsExactlyTheConversationsItAffectsAndTheDatabaseExportMatchesTheReplay() throws Exception {
        Path rules = copyOfRules();
        Path escalation = rules.resolve("escalation.drl");
        String drl = Files.readString(escalation);
        int start = drl.indexOf(PERSON_RULE);
        Files.writeString(escalation, drl.substring(0, start) + drl.substring(start)
                .replaceFirst("escalate\\(\"support\"", "escalate(\"sales\""));
        List<RecordedConversation> demo = RecordedConversations.read(DEMO);
        // escalated by that rule into the support queue; a VIP's goes on to the vip queue whatever the rule says
        Set<String> affected = demo.stream().filter(c -> c.turns().stream().flatMap(t -> t.decisions().stream())
                        .anyMatch(d -> d.rulesFired().contains("Customer asks for a person") && d.queue().equals("support")))
                .map(RecordedConversation::id).collect(Collectors.toSet());
        assertThat(affected).contains("demo-person-resolve").doesNotContain("demo-person-vip-keeps-agent");

        // secrets the operator configured never reach the sandbox, whichever way they came
        System.setProperty("throughline.channels.telegram.bot-token", "123456:operator-secret");
        System.setProperty("throughline.llm.base-url", "http://127.0.0.1:9/v1");
        Sandbox started;
        try {
            started = Sandbox.start(ThroughlineApplication.class, null, rules);
        } finally {
            System.clearProperty("throughline.channels.telegram.bot-token");
            System.clearProperty("throughline.llm.base-url");
        }
        try (Sandbox sandbox = started) {
            assertThat(sandbox.setting("throughline.channels.telegram.bot-token", null)).isNull();
            assertThat(sandbox.setting("throughline.llm.base-url", null)).isNull();
            assertThat(sandbox.setting("throughline.channels.dry-run", null)).isEqualTo("true");
            long replaying = System.nanoTime();
            List<Replayed> replayed = Replay.replayAll(sandbox, demo, 4, Duration.ofSeconds(60));
            double seconds = Replay.seconds(replaying);

            Map<String, List<Difference>> differences = demo.stream().collect(Collectors.toMap(RecordedConversation::id,
                    c -> ReplayComparison.compare(c, replayed.get(demo.indexOf(c)).conversation(), EnumSet.allOf(Kind.class))));
            assertThat(differences.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey))
                    .containsExactlyInAnyOrderElementsOf(affected);
            assertThat(differences.get("demo-person-resolve")).extracting(Difference::text).containsExactly(
                    "decision ESCALATE support/50 [Customer asks for a person] -> ESCALATE sales/50 [Customer asks for a person]");

            Output strict = new Output();
            Output lenient = new Output();
            assertThat(report(sandbox, seconds, "0").printComparison(strict.out, demo, replayed)).isEqualTo(Replay.DIFFERENT);
            assertThat(report(sandbox, seconds, "10%").printComparison(lenient.out, demo, replayed)).isEqualTo(Replay.SAME);
            System.out.println(strict);
            assertThat(strict.toString()).contains("demo-person-resolve: differs in decision",
                    demo.size() + " conversations, " + affected.size() + " differ (decision " + affected.size()
                            + ", journey 0, reply 0)", "above --max-different 0.0%");
            assertThat(lenient.toString()).contains("within --max-different 10.0%");

            assertThatTheDatabaseExportMatches(sandbox, replayed);
        }
    }

    @Test
    void aMalformedFileIsRefusedByFileAndLineBeforeAnythingStarts() throws IOException {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, Files.readAllLines(DEMO).get(0) + "\n{\"id\": \"x\", \"turns\": [\n");
        Output err = new Output();

        int exit = Replay.run(ThroughlineApplication.class, System.out, err.out, "--conversations", file.toString());

        assertThat(exit).isEqualTo(Replay.BAD_INPUT);
        assertThat(err.toString()).startsWith(file + ":2: not valid JSON");
        assertThat(Replay.run(ThroughlineApplication.class, System.out, err.out, "--max-different", "2"))
                .isEqualTo(Replay.BAD_INPUT);
        assertThat(err.toString()).contains("--max-different takes a share between 0 and 1");
    }

    /** The command's --from-database --export, pointed at the sandbox's own database, reads back what the replay did. */
    private void assertThatTheDatabaseExportMatches(Sandbox sandbox, List<Replayed> replayed) {
        Path export = dir.resolve("export.jsonl");
        System.setProperty("spring.datasource.url", sandbox.setting("spring.datasource.url", null));
        try {
            assertThat(Replay.run(ThroughlineApplication.class, System.out, System.err, "--from-database",
                    "--export", export.toString())).isEqualTo(Replay.SAME);
        } finally {
            System.clearProperty("spring.datasource.url");
        }
        Map<String, RecordedConversation> byFirstMessage = replayed.stream().map(Replayed::conversation)
                .collect(Collectors.toMap(c -> c.turns().get(0).message().text(), Function.identity()));
        List<RecordedConversation> exported = RecordedConversations.read(export);
        assertThat(exported).hasSameSizeAs(replayed);
        for (RecordedConversation conversation : exported) {
            RecordedConversation same = byFirstMessage.get(conversation.turns().get(0).message().text());
            assertThat(ReplayComparison.compare(same, conversation, EnumSet.allOf(Kind.class))).as(same.id()).isEmpty();
            assertThat(conversation.customer()).isEqualTo(same.customer());
        }
    }

    private ReplayReport report(Sandbox sandbox, double seconds, String maxDifferent) {
        ReplayOptions options = ReplayOptions.parse("--conversations", DEMO.toString(), "--parallel", "4",
                "--max-different", maxDifferent);
        return new ReplayReport(DEMO.toString(), "processes", sandbox.setting("throughline.rules.dir", null), options,
                0, seconds);
    }

    private Path copyOfRules() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** A PrintStream to read back. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream out = new PrintStream(bytes, true, UTF_8);

        @Override
        public String toString() {
            return bytes.toString(UTF_8);
        }
    }
}
