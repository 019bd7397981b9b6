package io.throughline.eval;

import io.throughline.eval.Difference.Kind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code replay} command: runs recorded conversations against {@code processes/} and {@code rules/} as they are on
 * disk, in a {@link Sandbox}, and prints, conversation by conversation, where decisions, journeys or replies differ.
 * {@code java -jar target/throughline-*.jar replay --conversations FILE.jsonl}; see {@link ReplayOptions#USAGE}.
 */
public final class Replay {

    /** Exit codes: all as recorded (or within the threshold); too many differ; bad input, or the replay could not run. */
    public static final int SAME = 0;
    public static final int DIFFERENT = 1;
    public static final int BAD_INPUT = 2;

    private final PrintStream out;
    private final PrintStream err;

    private Replay(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The command line: the report on stdout, the application's warnings and progress on stderr. */
    public static int main(Class<?> application, String... args) {
        String quiet = "io/throughline/eval/replay-logback.xml";
        if (System.getProperty("logging.config") == null) {
            System.setProperty("logging.config", "classpath:" + quiet);
        }
        return run(application, System.out, System.err, args);
    }

    public static int run(Class<?> application, PrintStream out, PrintStream err, String... args) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ReplayOptions.USAGE);
            return BAD_INPUT;
        }
        try {
            return new Replay(out, err).run(application, options);
        } catch (InvalidRecordingException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("the replay failed: " + e.getMessage());
            e.printStackTrace(err);
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return BAD_INPUT;
        }
    }

    private int run(Class<?> application, ReplayOptions options) throws InterruptedException {
        List<RecordedConversation> conversations;
        String origin;
        if (options.fromDatabase()) {
            DatabaseRead read = readDatabase(options);
            if (read == null) {
                return BAD_INPUT;
            }
            conversations = read.conversations();
            origin = read.url();
            if (options.export() != null) {
                RecordedConversations.write(conversations, options.export());
                out.printf("%d conversations from %s written to %s%n", conversations.size(), origin, options.export());
                return SAME;
            }
        } else {
            conversations = RecordedConversations.read(options.conversations());
            origin = options.conversations().toString();
        }
        err.printf("starting the sandbox (in-memory database, nothing sent) with %s and %s%n",
                folder(options.processesDir(), "the configured processes"), folder(options.rulesDir(), "the configured rules"));
        long starting = System.nanoTime();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(application, options.processesDir(), options.rulesDir());
        } catch (RuntimeException e) {
            err.println("the sandbox did not start: " + rootCause(e).getMessage());
            return BAD_INPUT;
        }
        try (sandbox) {
            double startSeconds = seconds(starting);
            long replaying = System.nanoTime();
            List<Replayed> replayed = replayAll(sandbox, conversations, options.parallel(), options.timeout());
            ReplayReport report = new ReplayReport(origin, sandbox.setting("throughline.journey.processes-dir", "processes"),
                    sandbox.setting("throughline.rules.dir", "rules"), options, startSeconds, seconds(replaying));
            if (options.record() != null) {
                RecordedConversations.write(replayed.stream().map(Replayed::conversation).toList(), options.record());
                return report.printRecording(out, replayed, options.record());
            }
            return report.printComparison(out, conversations, replayed);
        }
    }

    /** Replays every conversation, {@code parallel} at a time (their customers differ, so they cannot meet). */
    static List<Replayed> replayAll(Sandbox sandbox, List<RecordedConversation> conversations, int parallel,
                                    Duration timeout) throws InterruptedException {
        ConversationReplayer replayer = new ConversationReplayer(sandbox, timeout);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Replayed>> futures = new ArrayList<>();
            for (RecordedConversation conversation : conversations) {
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    RecordedConversation result = replayer.replay(conversation);
                    return new Replayed(result, seconds(start));
                }));
            }
            List<Replayed> replayed = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    replayed.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("replaying conversation " + conversations.get(i).id() + " failed: "
                            + rootCause(e).getMessage(), e.getCause());
                }
            }
            return replayed;
        } finally {
            pool.shutdownNow();
        }
    }

    private DatabaseRead readDatabase(ReplayOptions options) {
        try (ConfiguredDatabase database = ConfiguredDatabase.open()) {
            ConversationHistory history = new ConversationHistory(database.jdbc());
            List<RecordedConversation> conversations = new ArrayList<>();
            for (UUID id : history.conversationsSince(options.since(), options.limit())) {
                conversations.add(history.conversation(id));
            }
            // the URL without its parameters, which may hold a password
            return new DatabaseRead(database.url().replaceAll("[?;].*", ""), conversations);
        } catch (RuntimeException e) {
            err.println("cannot read the conversations from the configured database: " + rootCause(e).getMessage()
                    + "\n(run it where the application runs, with the same configuration: SPRING_DATASOURCE_URL for "
                    + "PostgreSQL; the embedded H2 database in ./data opens in one process at a time, so stop the "
                    + "application first)");
            return null;
        }
    }

    private static String folder(Path dir, String otherwise) {
        return dir == null ? otherwise : dir.toString();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A conversation as the replay left it, and how long it took. */
    record Replayed(RecordedConversation conversation, double seconds) {}

    private record DatabaseRead(String url, List<RecordedConversation> conversations) {}

    static String kinds(Set<Kind> kinds) {
        return String.join(",", kinds.stream().map(Kind::key).toList());
    }
}
