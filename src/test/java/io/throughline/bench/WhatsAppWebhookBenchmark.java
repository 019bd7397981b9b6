package io.throughline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.throughline.channel.meta.HubSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed WhatsApp webhooks accepted per second next to web-chat messages per second, in the same run against the same
 * running Throughline. A plain {@code main}, not a test: {@code bench/whatsapp.sh} builds the jar, creates a database,
 * starts the app with WhatsApp's secrets in its environment and its API base URL pointing at the stub this benchmark
 * starts, runs this, and cleans up. By hand, against an app started that way:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -Dbench.whatsapp.app-secret=... -Dbench.whatsapp.phone-number-id=... \
 *     -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.throughline.bench.WhatsAppWebhookBenchmark \
 *     http://127.0.0.1:8080 400 20 STUB_PORT [WARMUP]
 * </pre>
 * Arguments: base URL of the app, N messages per side (default 400), K concurrent senders per side (default 20), the
 * port of the Graph API stand-in the app sends its WhatsApp replies to ({@code -}: none, replies fail and are retried
 * harmlessly), and the number of warm-up messages per side, sent first and not counted (default 2K).
 * <p>
 * Both sides run at the same time, closed loop, each sender posting its next message when the previous one was
 * accepted: K WhatsApp senders (distinct phone numbers) post notifications shaped as the Cloud API sends them, one text
 * message each, signed with X-Hub-Signature-256 (200 with {@code accepted: 1} counts); K web-chat visitors post
 * {@code {text, clientMessageId}} (202 counts). Neither waits for the bot's reply: this measures the door, the accept
 * (verify, parse, dedupe, store, start or wake the journey), while the journeys of both sides run on the same job
 * executor behind it. Printed per side: accepted messages/s (over that side's wall time), p50/p99/mean of the accept
 * round trip, errors; and how many WhatsApp replies reached the stub by the end.
 */
public final class WhatsAppWebhookBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String appSecret;
    private final String phoneNumberId;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private WhatsAppWebhookBenchmark(String baseUrl, String appSecret, String phoneNumberId) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        String baseUrl = arg(args, 0, "http://127.0.0.1:8080");
        int messages = Integer.parseInt(arg(args, 1, "400"));
        int senders = Integer.parseInt(arg(args, 2, "20"));
        String stubPort = arg(args, 3, "-");
        int warmup = Integer.parseInt(arg(args, 4, String.valueOf(2 * senders)));
        if (messages < 1 || senders < 1 || warmup < 0) {
            throw new IllegalArgumentException("usage: WhatsAppWebhookBenchmark BASE_URL [N] [K] [STUB_PORT|-] [WARMUP]");
        }
        var bench = new WhatsAppWebhookBenchmark(baseUrl,
                System.getProperty("bench.whatsapp.app-secret", "bench-app-secret"),
                System.getProperty("bench.whatsapp.phone-number-id", "100000000000001"));
        String loadAverage = loadAverage();
        System.out.printf(Locale.ROOT, "WhatsApp webhook benchmark: N=%d messages per side, K=%d concurrent senders per "
                + "side, warm-up %d per side (not counted), %d cores%n", messages, senders, warmup,
                Runtime.getRuntime().availableProcessors());
        try (GraphApiStub stub = stubPort.equals("-") ? null : new GraphApiStub(Integer.parseInt(stubPort))) {
            if (warmup > 0) {
                System.out.println("warming up against " + baseUrl + " ...");
                Result[] warm = bench.bothSides(warmup, senders, "warm-up");
                report(warm[0]);
                report(warm[1]);
            }
            int repliesBefore = stub == null ? 0 : stub.replies.get();
            System.out.println("measuring ...");
            Result[] measured = bench.bothSides(messages, senders, "");
            table(measured[0], measured[1]);
            if (stub != null) {
                System.out.printf(Locale.ROOT, "WhatsApp replies that reached the Graph API stub during the run: %d "
                        + "(journeys keep answering after the last accept)%n", stub.replies.get() - repliesBefore);
            }
            System.out.println("load average (1 min) at the start and the end: " + loadAverage + " / " + loadAverage()
                    + " on " + Runtime.getRuntime().availableProcessors() + " cores (the machine is shared: compare the "
                    + "two sides of the same run)");
            System.exit(measured[0].errorCount() + measured[1].errorCount() > 0 ? 1 : 0);
        }
    }

    /** Runs both sides at once; [0] WhatsApp, [1] web chat. */
    private Result[] bothSides(int messages, int senders, String label) throws Exception {
        Result whatsapp = new Result(("whatsapp " + label).strip(), senders);
        Result webChat = new Result(("web chat " + label).strip(), senders);
        AtomicInteger whatsappTickets = new AtomicInteger(messages);
        AtomicInteger webChatTickets = new AtomicInteger(messages);
        AtomicLong whatsappDone = new AtomicLong();
        AtomicLong webChatDone = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2 * senders);
        try {
            List<Callable<Void>> loops = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                String phone = "4915" + (100_000_000 + (int) (Math.random() * 800_000_000));
                String visitor = UUID.randomUUID().toString();
                int number = i;
                loops.add(() -> loop(whatsappTickets, whatsappDone, n -> postWhatsApp(phone, question(number, n), whatsapp)));
                loops.add(() -> loop(webChatTickets, webChatDone, n -> postWebChat(visitor, question(number, n), webChat)));
            }
            long start = System.nanoTime();
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> loop : loops) {
                running.add(pool.submit(loop));
            }
            for (Future<Void> future : running) {
                future.get();
            }
            // each side's wall time ends when its own last sender finished
            whatsapp.wallNanos = whatsappDone.get() - start;
            webChat.wallNanos = webChatDone.get() - start;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Result[] {whatsapp, webChat};
    }

    private interface Send {
        void send(int n) throws InterruptedException;
    }

    private static Void loop(AtomicInteger tickets, AtomicLong done, Send send) throws InterruptedException {
        int n = 0;
        while (tickets.getAndDecrement() > 0) {
            send.send(n++);
        }
        done.accumulateAndGet(System.nanoTime(), Math::max);
        return null;
    }

    private static String question(int sender, int n) {
        return WebChatBenchmark.QUESTIONS.get((sender * 7 + n) % WebChatBenchmark.QUESTIONS.size());
    }

    /** One Cloud API notification with one text message, signed as Meta signs it. */
    private void postWhatsApp(String phone, String text, Result result) throws InterruptedException {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of(
                    "id", "102290129340398", "changes", List.of(Map.of("field", "messages", "value", Map.of(
                            "messaging_product", "whatsapp",
                            "metadata", Map.of("display_phone_number", "15550783881", "phone_number_id", phoneNumberId),
                            "contacts", List.of(Map.of("profile", Map.of("name", "Bench " + phone), "wa_id", phone)),
                            "messages", List.of(Map.of("from", phone, "id", "wamid.bench" + UUID.randomUUID(),
                                    "timestamp", String.valueOf(System.currentTimeMillis() / 1000), "type", "text",
                                    "text", Map.of("body", text))))))))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json").header(HubSignature.HEADER, HubSignature.of(appSecret, bytes))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        send(post, result, 200, response -> response.path("accepted").asInt() == 1);
    }

    private void postWebChat(String visitor, String text, Result result) throws InterruptedException {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("text", text, "clientMessageId", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webchat/" + visitor + "/messages"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        send(post, result, 202, response -> true);
    }

    private void send(HttpRequest post, Result result, int expected,
                      java.util.function.Predicate<JsonNode> acceptedBody) throws InterruptedException {
        result.sent.incrementAndGet();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (response.statusCode() != expected || !acceptedBody.test(JSON.readTree(response.body()))) {
                result.error("POST -> " + response.statusCode() + " " + abbreviate(response.body()));
                return;
            }
            result.accept.record(start, end);
            result.accepted.incrementAndGet();
        } catch (IOException e) {
            result.error("POST failed: " + e.getClass().getSimpleName());
        }
    }

    private static void report(Result result) {
        System.out.printf(Locale.ROOT, "  %s: %d/%d accepted in %.1f s, %d errors%n", result.label,
                result.accepted.get(), result.sent.get(), result.seconds(), result.errorCount());
    }

    private static void table(Result whatsapp, Result webChat) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-36s %16s %16s %12s%n", "", "whatsapp", "web chat", "whatsapp/web");
        row("messages sent", whatsapp, webChat, r -> r.sent.get(), "%.0f", false);
        row("accepted (200 accepted:1 / 202)", whatsapp, webChat, r -> r.accepted.get(), "%.0f", false);
        row("wall time (s)", whatsapp, webChat, Result::seconds, "%.2f", true);
        row("accepted messages/s", whatsapp, webChat, Result::acceptedPerSecond, "%.1f", true);
        row("accept p50 (ms)", whatsapp, webChat, r -> r.accept.percentileMillis(50), "%.1f", true);
        row("accept p99 (ms)", whatsapp, webChat, r -> r.accept.percentileMillis(99), "%.1f", true);
        row("accept mean (ms)", whatsapp, webChat, r -> r.accept.meanMillis(), "%.1f", true);
        row("errors", whatsapp, webChat, Result::errorCount, "%.0f", false);
        for (Result result : new Result[] {whatsapp, webChat}) {
            if (result.errorCount() > 0) {
                System.out.println("errors in " + result.label + ":");
                result.errors().forEach((kind, count) -> System.out.printf("  %5d  %s%n", count, kind));
            }
        }
    }

    private static void row(String name, Result a, Result b, ToDoubleFunction<Result> value, String format,
                            boolean ratio) {
        double x = value.applyAsDouble(a);
        double y = value.applyAsDouble(b);
        String ratioText = ratio && y != 0 && !Double.isNaN(x) && !Double.isNaN(y)
                ? String.format(Locale.ROOT, "%.2fx", x / y) : "";
        System.out.printf(Locale.ROOT, "%-36s %16s %16s %12s%n", name, cell(format, x), cell(format, y), ratioText);
    }

    private static String cell(String format, double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

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

    private static void quietLogs() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** Stands in for the Graph API: every send is answered as the Cloud API does, with a fresh wamid. */
    private static final class GraphApiStub implements AutoCloseable {

        final AtomicInteger replies = new AtomicInteger();
        private final HttpServer server;

        GraphApiStub(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", this::answer);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            replies.incrementAndGet();
            byte[] body = ("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.stub" + UUID.randomUUID()
                    + "\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
