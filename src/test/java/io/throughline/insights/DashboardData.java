package io.throughline.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fortnight of conversations on WhatsApp, email, SMS and Messenger for the dashboard and API tests, written once per
 * database into the application's shared test database (web chat is left to the other tests of that context, so a
 * channel filter isolates these). Seeded, so every run writes the same data relative to now; {@link #perChannel} says
 * how many each channel got.
 */
final class DashboardData {

    static final String MARKUP_QUESTION = "<img src=x onerror=\"window.__xss=1\"> do you ship to Mars?";
    static final String FORMULA_COMMENT = "=HYPERLINK(\"https://evil.example\",\"click\")";
    static final List<String> CHANNELS = List.of("whatsapp", "email", "sms", "messenger");
    private static final List<String> GAPS = List.of("Do you ship to Norway?", "Can you deliver to Norway?",
            "Do you sell gift cards?", "Can I buy a gift card?", "Is the grinder compatible with 220 V?", MARKUP_QUESTION);

    private static final Map<JdbcClient, DashboardData> WRITTEN = new java.util.IdentityHashMap<>();

    final Map<String, Integer> perChannel = new TreeMap<>();
    int total;

    private DashboardData() {
    }

    static synchronized DashboardData writeOnce(JdbcClient jdbc) {
        return WRITTEN.computeIfAbsent(jdbc, db -> new DashboardData().write(new InsightsData(db)));
    }

    private DashboardData write(InsightsData data) {
        Random random = new Random(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 48; i++) {
            String channel = CHANNELS.get(i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : i % 7 < 6 ? 2 : 3);
            int day = random.nextInt(12);
            Instant opened = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(30 + random.nextInt(600)));
            String journey = i % 5 == 0 ? "pre-sales" : i % 10 == 3 ? "troubleshooting" : i % 10 == 7 ? "booking"
                    : "general-support";
            String intent = switch (journey) {
                case "pre-sales" -> "pricing";
                case "troubleshooting" -> "grinder-broken";
                case "booking" -> "tasting-booking";
                default -> List.of("shipping", "order-status", "returns").get(random.nextInt(3));
            };
            var c = data.conversation(data.customer(), opened, channel, "A question about " + intent)
                    .journey(opened, "general-support");
            if (!journey.equals("general-support")) {
                c.journey(opened.plusSeconds(1), journey);
            }
            c.decided(opened.plusSeconds(1), "ANSWER", intent, 0.6 + random.nextDouble() * 0.4, null)
                    .botReplied(opened.plusSeconds(2 + random.nextInt(6)));
            int outcome = 4 + random.nextInt(16);
            if (i % 12 == 1 || i % 12 == 2 || i % 12 == 9) {
                // still open: handed to support or billing and waiting for a person, or waiting for the bot
                if (i % 12 == 2) {
                    c.customerWrote(opened.plusSeconds(20), channel, "and one more thing");
                } else {
                    c.handedOff(opened.plusSeconds(30), i % 12 == 1 ? "support" : "billing");
                }
            } else if (outcome < 11) {
                c.resolved(opened.plus(Duration.ofMinutes(5 + random.nextInt(60))), "answered");
            } else {
                String queue = journey.equals("pre-sales") ? "sales" : outcome < 15 ? "support" : "billing";
                Instant handoff = opened.plusSeconds(30);
                c.handedOff(handoff, queue).agentReplied(handoff.plus(Duration.ofMinutes(3 + random.nextInt(90))))
                        .resolved(handoff.plus(Duration.ofHours(2)), "agent");
            }
            if (i == 5) {
                c.rated(opened.plus(Duration.ofHours(3)), 1, FORMULA_COMMENT);
            } else if (random.nextInt(10) < 5) {
                c.rated(opened.plus(Duration.ofHours(3)), 2 + random.nextInt(4), "thanks");
            }
            if (journey.equals("pre-sales")) {
                if (random.nextBoolean()) {
                    c.event(opened.plus(Duration.ofMinutes(3)), "LEAD_CAPTURED", null, null);
                }
                if (random.nextInt(5) == 0) {
                    c.event(opened.plus(Duration.ofMinutes(4)), "BOOKING_CONFIRMED", null, null);
                }
            }
            if (i < 18) {
                String question = GAPS.get(i % GAPS.size());
                c.customerWrote(opened.plusSeconds(40), channel, question)
                        .decided(opened.plusSeconds(41), "ESCALATE", i % 2 == 0 ? "shipping" : null, 0.1 + i / 100.0, "support");
            }
            perChannel.merge(channel, 1, Integer::sum);
            total++;
        }
        return this;
    }
}
