package io.throughline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The insights API under volume: fills a running app's PostgreSQL database with {@link InsightsVolume} (default 100k
 * conversations of 10 messages: 1M messages, over 90 days), then times every call the dashboard makes, alone and as one
 * page load (the calls in parallel, as the page makes them), for the dashboard's default range (the last 30 days) and
 * for all 90 days. Run it with {@code bench/insights.sh}.
 *
 * <pre>
 * InsightsBenchmark BASE_URL JDBC_URL [CONVERSATIONS] [MESSAGES_PER_CONVERSATION] [DAYS] [REPEATS]
 * </pre>
 */
public final class InsightsBenchmark {

    private static final String LOGIN = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes());

    private final String base;
    private final Connection db;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private boolean busy;

    private InsightsBenchmark(String base, Connection db) {
        this.base = base.replaceAll("/+$", "");
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: InsightsBenchmark BASE_URL JDBC_URL [CONVERSATIONS] [MESSAGES_PER_CONVERSATION] "
                    + "[DAYS] [REPEATS]");
            System.exit(2);
        }
        int conversations = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int perConversation = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int days = args.length > 4 ? Integer.parseInt(args[4]) : 90;
        int repeats = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        String user = System.getProperty("bench.jdbc.user", "postgres");
        try (Connection db = DriverManager.getConnection(args[1], user, System.getProperty("bench.jdbc.password", ""))) {
            if (!Boolean.getBoolean("bench.skip.data")) {
                fill(db, conversations, perConversation, days);
            }
            counts(db);
        }
        try (Connection db = DriverManager.getConnection(args[1], user, System.getProperty("bench.jdbc.password", ""))) {
            new InsightsBenchmark(args[0], db).measure(days, repeats);
        }
    }

    private static void fill(Connection db, int conversations, int perConversation, int days) throws SQLException {
        String definition;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select id_ from act_re_procdef where key_ = 'general-support' order by version_ desc limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("general-support is not deployed: start the app on this database first");
            }
            definition = rs.getString(1);
        }
        System.out.printf("generating %,d conversations of %d messages over %d days (set-based SQL):%n", conversations,
                perConversation, days);
        long start = System.nanoTime();
        for (String[] step : new InsightsVolume(conversations, perConversation, days).statements(definition)) {
            InsightsVolume.run(db, step[0], step[1]);
        }
        System.out.printf("  %-32s %7.1f s%n%n", "all", (System.nanoTime() - start) / 1e9);
    }

    private static void counts(Connection db) throws SQLException {
        System.out.println("rows:");
        for (String table : List.of("customers", "conversations", "messages", "conversation_events", "decisions",
                "article_views", "act_hi_procinst", "act_hi_actinst")) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                rs.next();
                System.out.printf("  %-22s %,12d%n", table, rs.getLong(1));
            }
        }
        System.out.println();
    }

    private void measure(int days, int repeats) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> ranges = new LinkedHashMap<>();
        ranges.put("last 30 days (the dashboard's default)", "from=" + today.minusDays(29) + "&to=" + today);
        ranges.put("all " + (days + 2) + " days", "from=" + today.minusDays(days + 2) + "&to=" + today);
        // cold: the first content-gap report embeds its questions
        System.out.printf("first content-gap report (embeds up to 300 distinct questions): %,.0f ms%n%n",
                time(API + "/content-gaps?" + ranges.values().iterator().next()));
        for (boolean busySystem : new boolean[] {false, true}) {
            busy = busySystem;
            System.out.println(busy
                    ? "BUSY: a customer message lands before every call, so nothing read before can be reused"
                    : "QUIET: nothing new between calls, so calls of one range share one read of its conversations");
            for (var range : ranges.entrySet()) {
                String q = range.getValue();
                List<String> page = dashboard(q);
                pageLoad(page); // warm-up
                System.out.println(range.getKey() + ": each call " + repeats + " times, ms (median / max)");
                for (String call : page) {
                    report(call, repeats);
                }
                report(API + "/kpis?" + q + "&channel=whatsapp", repeats);
                report(API + "/kpis?" + q + "&journey=pre-sales", repeats);
                report(API + "/conversations?" + q + "&format=csv", Math.min(repeats, 3));
                double[] loads = new double[repeats];
                for (int i = 0; i < repeats; i++) {
                    somethingNew();
                    loads[i] = pageLoad(page);
                }
                Arrays.sort(loads);
                System.out.printf("  %-70s %7.0f / %5.0f%n%n", "FULL DASHBOARD LOAD (the page's calls, in parallel)",
                        loads[loads.length / 2], loads[loads.length - 1]);
            }
        }
    }

    /** When busy: a customer writes in an open conversation (as accept would record it). */
    private void somethingNew() throws SQLException {
        if (!busy) {
            return;
        }
        try (Statement s = db.createStatement()) {
            s.execute("insert into conversation_events (conversation_id, event_type, channel, detail, occurred_at) "
                    + "select id, 'MESSAGE_IN', 'webchat', null, now() from conversations where status = 'OPEN' "
                    + "order by opened_at desc limit 1");
        }
    }

    private static final String API = "/api/insights";

    /** Every call the page makes on load, in its order (see static/insights/insights.js). */
    private static List<String> dashboard(String range) {
        return List.of(API + "/kpis?" + range, API + "/conversations?" + range + "&limit=50",
                API + "/content-gaps?" + range, API + "/live", API + "/journeys",
                API + "/journeys/general-support/diagram", API + "/journeys/general-support?" + range);
    }

    /** The page's pattern: four calls at once, and the journey list, then its diagram and steps. */
    private double pageLoad(List<String> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Double>> running = new ArrayList<>();
            for (String call : calls.subList(0, 4)) {
                running.add(CompletableFuture.supplyAsync(() -> timeUnchecked(call), pool));
            }
            running.add(CompletableFuture.supplyAsync(() -> timeUnchecked(calls.get(4)), pool)
                    .thenCompose(done -> CompletableFuture.allOf(
                            CompletableFuture.supplyAsync(() -> timeUnchecked(calls.get(5)), pool),
                            CompletableFuture.supplyAsync(() -> timeUnchecked(calls.get(6)), pool)).thenApply(v -> 0.0)));
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            return (System.nanoTime() - start) / 1e6;
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(String call, int repeats) throws Exception {
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            somethingNew();
            ms[i] = time(call);
        }
        Arrays.sort(ms);
        System.out.printf("  %-70s %7.0f / %5.0f%n", call.replaceAll("from=[^&]*&to=[^&]*", "<range>"),
                ms[ms.length / 2], ms[ms.length - 1]);
    }

    private double timeUnchecked(String call) {
        try {
            return time(call);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double time(String call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + call))
                .header("Authorization", LOGIN).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(call + " answered " + response.statusCode() + ": "
                    + new String(response.body()).lines().findFirst().orElse(""));
        }
        return ms;
    }
}
