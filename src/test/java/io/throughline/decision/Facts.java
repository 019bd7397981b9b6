package io.throughline.decision;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Readable facts for rule tests. */
final class Facts {

    /** The demo hours: Monday to Friday 09:00-17:00 in Amsterdam. */
    static final BusinessHours DEMO_HOURS = BusinessHours.of(ZoneId.of("Europe/Amsterdam"), Map.of(
            DayOfWeek.MONDAY, "09:00-17:00", DayOfWeek.TUESDAY, "09:00-17:00", DayOfWeek.WEDNESDAY, "09:00-17:00",
            DayOfWeek.THURSDAY, "09:00-17:00", DayOfWeek.FRIDAY, "09:00-17:00"), List.of());
    /** Saturday 7 June 2025, 12:00 in Amsterdam: closed until Monday 09:00 (07:00 UTC). */
    static final Instant SATURDAY_NOON = Instant.parse("2025-06-07T10:00:00Z");
    static final Instant MONDAY_OPENING = Instant.parse("2025-06-09T07:00:00Z");
    /** Tuesday 3 June 2025, 11:00 in Amsterdam: open. */
    static final Instant TUESDAY_MORNING = Instant.parse("2025-06-03T09:00:00Z");

    private Facts() {
    }

    static ConversationFacts.Builder question(String intent) {
        return ConversationFacts.builder().conversationId("c-1").intent(intent, 0.9).text("a question");
    }

    static CustomerFacts customerOnPlan(String plan) {
        return new CustomerFacts("cu-1", plan, Map.of());
    }

    static CustomerFacts basicCustomer() {
        return customerOnPlan("basic");
    }

    /** A basic customer known by these kinds of identity (email, phone, visitor...). */
    static CustomerFacts customerWith(String... identities) {
        return new CustomerFacts("cu-1", "basic", Map.of(), Set.of(identities), null);
    }

    static CustomerFacts customerWithAttributes(Map<String, ?> attributes) {
        return new CustomerFacts("cu-1", (String) attributes.get("plan"), attributes, Set.of("visitor"), null);
    }

    static AnswerFacts answerWithConfidence(double confidence) {
        return new AnswerFacts(true, confidence, 2);
    }

    static AnswerFacts answerOfLength(double confidence, int length) {
        return new AnswerFacts(true, confidence, 2, null, length);
    }

    static BusinessHoursFacts open() {
        return BusinessHoursFacts.at(DEMO_HOURS, TUESDAY_MORNING);
    }

    static BusinessHoursFacts closed() {
        return BusinessHoursFacts.at(DEMO_HOURS, SATURDAY_NOON);
    }
}
