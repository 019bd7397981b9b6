package io.throughline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web chat on a cluster: messages/s and time from the POST to the bot's reply on the visitor's stream, against the
 * nodes given. {@code bench/cluster.sh} runs it once against one node, then again against two nodes on the same
 * PostgreSQL, and prints both rows as one table. With two nodes, visitor k streams from node k and posts to the other,
 * so every reply crosses nodes through LISTEN/NOTIFY (see {@link AppLoad}).
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.throughline.bench.ClusterBenchmark \
 *     LABEL N K WARMUP http://127.0.0.1:8080[,http://127.0.0.1:8081] [TABLE_FILE]
 * </pre>
 * Prints the row, and appends it to TABLE_FILE when given. Exits 1 when any message went unanswered.
 */
public final class ClusterBenchmark {

    static final String HEADER = String.format(Locale.ROOT, "%-10s %7s %5s %9s %8s %10s %13s %13s %13s %7s %9s",
            "nodes", "N", "K", "accepted", "wall s", "msg/s", "accept p99 ms", "reply p50 ms", "reply p99 ms",
            "errors", "load avg");

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: ClusterBenchmark LABEL N K WARMUP URL[,URL...] [TABLE_FILE]");
        }
        String label = args[0];
        int messages = Integer.parseInt(args[1]);
        int visitors = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        List<String> nodes = Arrays.asList(args[4].split(","));
        Duration timeout = Duration.ofSeconds(Long.getLong("bench.timeout.seconds", 60));

        AppLoad load = new AppLoad(nodes, visitors, WebChatBenchmark.QUESTIONS, timeout);
        if (warmup > 0) {
            Result warm = load.run(label + " warm-up", warmup);
            System.out.printf(Locale.ROOT, "  %s warm-up: %d/%d in %.1f s%n", label, warm.completed.get(), warm.sent.get(),
                    warm.seconds());
        }
        Result result = load.run(label, messages);
        String row = String.format(Locale.ROOT, "%-10s %7d %5d %9d %8.1f %10.1f %13.1f %13.1f %13.1f %7d %9s",
                label, result.sent.get(), visitors, result.accepted.get(), result.seconds(), result.acceptedPerSecond(),
                result.accept.percentileMillis(99), result.roundTrip.percentileMillis(50),
                result.roundTrip.percentileMillis(99), result.errorCount(), loadAverage());
        System.out.println(HEADER);
        System.out.println(row);
        result.errors().forEach((kind, count) -> System.out.printf("  %5d  %s%n", count, kind));
        if (args.length > 5) {
            Files.writeString(Path.of(args[5]), row + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        System.exit(result.completed.get() < result.sent.get() ? 1 : 0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception none) {
            return "?";
        }
    }
}
