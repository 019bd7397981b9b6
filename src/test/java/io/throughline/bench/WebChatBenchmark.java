package io.throughline.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web-chat throughput and latency of a running Throughline, next to a bare Camunda engine doing the same engine work.
 * A plain {@code main}, not a test: {@code bench/webchat.sh} builds the jar, creates the databases, starts the app,
 * runs this, and cleans everything up. To run it by hand against an app that is already up:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * psql -h 127.0.0.1 -U postgres -c 'create database bench_bare'
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.throughline.bench.WebChatBenchmark \
 *     http://127.0.0.1:8080 400 20 jdbc:postgresql://127.0.0.1:5432/bench_bare [WARMUP]
 * psql -h 127.0.0.1 -U postgres -c 'drop database bench_bare with (force)'
 * </pre>
 * Arguments: base URL of the app ({@code -} skips the app part), N messages (default 400), K concurrent visitors
 * (default 20), JDBC URL of an empty PostgreSQL database for the bare engine ({@code -} skips it; user and password from
 * {@code -Dbench.jdbc.user} (postgres) and {@code -Dbench.jdbc.password} (empty)), and the number of warm-up messages
 * sent first by other visitors and not counted (default 2K). {@code -Dbench.timeout.seconds} (60) is how long a visitor
 * waits for one reply.
 * <p>
 * 1. The app, through its public contract only: K visitors (random UUIDs), each with its event stream open, post
 * questions the demo knowledge base answers; each posts its next question when the bot's reply to the previous one
 * arrives on its stream, N messages in all. A reply that is not a cited bot answer (the rules asked for details or
 * brought in a person) counts as an error, and that visitor is replaced by a fresh one.
 * 2. A bare Camunda engine ({@link BareCamundaLoad}) on its own database: each of K visitors starts one instance of a
 * no-op process shaped like the journey and correlates {@code CustomerWrote} for every next message, waiting each time
 * until the instance waits at the message again.
 * <p>
 * Printed: accepted messages/s (accepted messages over the wall time of the whole run), p50/p99 of the accept call
 * (POST round trip; start or correlate call) and of the round trip (POST to the bot's reply on the stream; start or
 * correlate to the instance waiting again), errors, and the ratio app/bare.
 */
public final class WebChatBenchmark {

    /** Questions the demo knowledge base answers with a cited answer (none asks for a person). */
    static final List<String> QUESTIONS = List.of(
            "How long does shipping take?",
            "How do I reset my password?",
            "Can I pause my subscription?",
            "How do I skip a delivery?",
            "How do I cancel my subscription?",
            "What payment methods do you accept?",
            "Which countries do you ship to?",
            "How much does shipping cost?",
            "How do I return an item?",
            "How long is the warranty on my machine?",
            "How do I descale my espresso machine?",
            "How do I redeem a gift card?",
            "Where is my order?",
            "How do I change my delivery address?",
            "When will I get my refund?",
            "What are your support hours?",
            "My grinder squeaks, what should I do?",
            "How do I turn on two-step verification?",
            "Can I change the grind of my subscription coffee?",
            "How do I make a warranty claim?");

    private WebChatBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        String baseUrl = arg(args, 0, "http://127.0.0.1:8080");
        int messages = Integer.parseInt(arg(args, 1, "400"));
        int visitors = Integer.parseInt(arg(args, 2, "20"));
        String jdbcUrl = arg(args, 3, "-");
        int warmup = Integer.parseInt(arg(args, 4, String.valueOf(2 * visitors)));
        Duration timeout = Duration.ofSeconds(Long.getLong("bench.timeout.seconds", 60));
        if (messages < 1 || visitors < 1 || warmup < 0) {
            throw new IllegalArgumentException("usage: WebChatBenchmark BASE_URL|- [N] [K] [JDBC_URL|-] [WARMUP]");
        }
        String loadAverage = loadAverage();
        System.out.printf(Locale.ROOT, "Web chat benchmark: N=%d messages, K=%d concurrent visitors, warm-up %d messages "
                + "(not counted), %d cores%n", messages, visitors, warmup, Runtime.getRuntime().availableProcessors());

        Result app = null;
        if (!baseUrl.equals("-")) {
            AppLoad load = new AppLoad(baseUrl, visitors, QUESTIONS, timeout);
            if (warmup > 0) {
                System.out.println("app: warming up against " + baseUrl + " ...");
                report("app warm-up", load.run("app warm-up", warmup));
            }
            System.out.println("app: measuring ...");
            app = load.run("app (web chat)", messages);
        }
        Result bare = null;
        if (!jdbcUrl.equals("-")) {
            System.out.println("bare Camunda: building the engine on " + jdbcUrl + " ...");
            try (BareCamundaLoad load = new BareCamundaLoad(jdbcUrl, System.getProperty("bench.jdbc.user", "postgres"),
                    System.getProperty("bench.jdbc.password", ""), visitors, timeout)) {
                if (warmup > 0) {
                    System.out.println("bare Camunda: warming up ...");
                    report("bare warm-up", load.run("bare warm-up", warmup));
                }
                System.out.println("bare Camunda: measuring ...");
                bare = load.run("bare Camunda", messages);
            }
        }
        table(app, bare);
        System.out.println("load average (1 min) at the start and the end: " + loadAverage + " / " + loadAverage()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores (the machine is shared: compare "
                + "app and bare from the same run)");
        boolean failed = (app != null && app.errorCount() > 0) || (bare != null && bare.errorCount() > 0);
        System.exit(failed ? 1 : 0);
    }

    private static void report(String label, Result result) {
        System.out.printf(Locale.ROOT, "  %s: %d/%d completed in %.1f s, %d errors%n", label, result.completed.get(),
                result.sent.get(), result.seconds(), result.errorCount());
    }

    private static void table(Result app, Result bare) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %16s %16s %10s%n", "", "app (web chat)", "bare Camunda", "app/bare");
        row("messages sent", app, bare, r -> r.sent.get(), "%.0f", false);
        row("accepted (202 / start+correlate returned)", app, bare, r -> r.accepted.get(), "%.0f", false);
        row("round trips completed", app, bare, r -> r.completed.get(), "%.0f", false);
        row("wall time (s)", app, bare, Result::seconds, "%.2f", true);
        row("accepted messages/s", app, bare, Result::acceptedPerSecond, "%.1f", true);
        row("accept p50 (ms)  POST / start|correlate", app, bare, r -> r.accept.percentileMillis(50), "%.1f", true);
        row("accept p99 (ms)", app, bare, r -> r.accept.percentileMillis(99), "%.1f", true);
        row("reply p50 (ms)   to bot reply / waiting", app, bare, r -> r.roundTrip.percentileMillis(50), "%.1f", true);
        row("reply p99 (ms)", app, bare, r -> r.roundTrip.percentileMillis(99), "%.1f", true);
        row("reply mean (ms)", app, bare, r -> r.roundTrip.meanMillis(), "%.1f", true);
        row("errors", app, bare, Result::errorCount, "%.0f", false);
        for (Result result : new Result[] {app, bare}) {
            if (result != null && result.errorCount() > 0) {
                System.out.println("errors in " + result.label + ":");
                result.errors().forEach((kind, count) -> System.out.printf("  %5d  %s%n", count, kind));
            }
        }
    }

    private static void row(String name, Result app, Result bare, ToDoubleFunction<Result> value, String format,
            boolean ratio) {
        double a = app == null ? Double.NaN : value.applyAsDouble(app);
        double b = bare == null ? Double.NaN : value.applyAsDouble(bare);
        String ratioText = ratio && !Double.isNaN(a) && !Double.isNaN(b) && b != 0
                ? String.format(Locale.ROOT, "%.2fx", a / b) : "";
        System.out.printf(Locale.ROOT, "%-44s %16s %16s %10s%n", name, cell(format, a), cell(format, b), ratioText);
    }

    private static String cell(String format, double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    /** The 1-minute load average from /proc/loadavg, or "?" where there is none. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception none) {
            return "?";
        }
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index && !args[index].isBlank() ? args[index] : fallback;
    }

    /** Logback without a configuration logs everything at DEBUG; the benchmark wants its table, and warnings. */
    private static void quietLogs() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
